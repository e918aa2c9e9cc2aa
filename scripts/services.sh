#!/usr/bin/env bash
# Services the tests need, private to this checkout: a PostgreSQL cluster on 127.0.0.1 (and the
# Debian packages postgresql and chromium, installed with apt-get when run as root).
#
#   scripts/services.sh start    install what is missing, start the cluster (idempotent); prints the URL
#   scripts/services.sh stop     stop the cluster
#   scripts/services.sh status   is it running? prints the URL when it is
#   scripts/services.sh url      print the recorded URL
#
# The cluster lives in .services/postgres (git-ignored), or, when the cluster's owner cannot reach
# that folder (a checkout under a 0700 folder such as /root), in /var/tmp/dnn-grader-*; the folder
# used is recorded in .services/postgres.dir. It listens on 127.0.0.1 only, on port 54329 or the
# next free one, with password (scram-sha-256) authentication over TCP; its unix socket is in a
# 0700 folder beside the data. The database dnn_grader exists, and its URL, password included, is
# written to .services/postgres.url (mode 0600). Messages go to stderr; the URL alone to stdout.
#
# As root, the cluster runs as the `postgres` OS user (PostgreSQL refuses to run as root);
# otherwise as the current user. Environment: DNN_PG_PORT (first port tried, default 54329),
# DNN_PG_BIN (folder of initdb/pg_ctl, default the newest /usr/lib/postgresql/*/bin).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SERVICES="$REPO/.services"
URL_FILE="$SERVICES/postgres.url"
DIR_FILE="$SERVICES/postgres.dir"
DATABASE=dnn_grader
SUPERUSER=postgres
FIRST_PORT="${DNN_PG_PORT:-54329}"
CONF_NAME=dnn_grader.conf

say() { printf 'services: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------------------------------------
# Packages

find_pg_bin() {
    if [ -n "${DNN_PG_BIN:-}" ]; then
        [ -x "$DNN_PG_BIN/initdb" ] || die "DNN_PG_BIN=$DNN_PG_BIN holds no initdb"
        printf '%s\n' "$DNN_PG_BIN"
        return 0
    fi
    # Debian keeps the server programs off PATH, in /usr/lib/postgresql/<major>/bin.
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && printf '%s\n' "$d"; done | tail -n 1)"
    if [ -z "$dir" ] && command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir)"
        [ -x "$dir/initdb" ] || dir=""
    fi
    [ -n "$dir" ] || return 1
    printf '%s\n' "$dir"
}

have_chromium() { [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; }
# A font with Chinese glyphs, so the Chinese edition's screenshots show characters, not boxes.
have_cjk_font() { [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; }

install_packages() {
    local missing=()
    find_pg_bin >/dev/null 2>&1 || missing+=(postgresql)
    have_chromium || missing+=(chromium)
    have_cjk_font || missing+=(fonts-wqy-microhei)
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! is_root; then
        if [[ " ${missing[*]} " == *" postgresql "* ]]; then
            die "PostgreSQL is not installed: run this as root (it installs it), or: sudo apt-get install postgresql"
        fi
        say "warning: ${missing[*]} not installed (the browser tests need them): sudo apt-get install ${missing[*]}"
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    find_pg_bin >/dev/null || die "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql"
}

# ---------------------------------------------------------------------------------------------
# Where the cluster lives, and who runs it

owner() { if is_root; then echo "$SUPERUSER"; else id -un; fi; }

# Run a command as the cluster's owner, from / (the caller's folder may be unreadable to it),
# without our lock's descriptor (a postmaster inheriting it would hold the lock for ever).
as_owner() {
    if is_root; then
        (cd / && runuser -u "$SUPERUSER" -- env LC_ALL=C "$@") 9>&-
    else
        (cd / && env LC_ALL=C "$@") 9>&-
    fi
}

owner_can_use() {  # can the owner traverse and write folder $1 (and so reach everything above it)?
    as_owner test -x "$1" -a -w "$1" 2>/dev/null
}

make_private_dir() {  # a real folder (never a symlink) owned by the cluster's owner, mode 0700
    local dir="$1"
    if [ -L "$dir" ]; then die "$dir is a symbolic link; refusing to use it"; fi
    if [ ! -d "$dir" ]; then mkdir -m 0700 "$dir"; fi
    if is_root; then chown "$SUPERUSER:" "$dir"; fi
    chmod 0700 "$dir"
    [ "$(stat -c %U "$dir")" = "$(owner)" ] || die "$dir is not owned by $(owner)"
}

choose_base() {
    # Where a previous start put it, if that still exists.
    if [ -f "$DIR_FILE" ]; then
        local recorded
        recorded="$(cat "$DIR_FILE")"
        if [ -f "$recorded/data/PG_VERSION" ]; then printf '%s\n' "$recorded"; return 0; fi
    fi
    local inside="$SERVICES/postgres"
    # Inside the checkout when the owner can get there (as root: when every folder above
    # .services is searchable by postgres), and the socket path (<base>/run/.s.PGSQL.<port>.lock)
    # stays under the 107-byte limit of unix socket paths.
    if [ "${#inside}" -le 80 ] && { ! is_root || as_owner test -x "$SERVICES" 2>/dev/null; }; then
        printf '%s\n' "$inside"
        return 0
    fi
    local hash
    hash="$(printf '%s' "$REPO" | cksum | cut -d' ' -f1)"
    printf '%s\n' "/var/tmp/dnn-grader-$(owner)-$hash"
}

# ---------------------------------------------------------------------------------------------
# The cluster

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {  # the postmaster's pid if our cluster is running (stale pid files do not count)
    local pidfile="$DATA/postmaster.pid" pid
    [ -f "$pidfile" ] || return 1
    pid="$(head -n 1 "$pidfile" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    # A pid from before a reboot or container restart may now belong to another process: ours is
    # a postgres whose working folder is the data folder (the postmaster chdirs there).
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || return 1
    [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$DATA" ] ||
        tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$DATA" || return 1
    printf '%s\n' "$pid"
}

recorded_port() { sed -n "s/^port = \([0-9]*\)$/\1/p" "$DATA/$CONF_NAME" 2>/dev/null || true; }

recorded_password() {
    [ -f "$URL_FILE" ] || return 0
    sed -n "s#^postgresql://$SUPERUSER:\([0-9a-f]*\)@.*#\1#p" "$URL_FILE"
}

psql_owner() {  # psql as the superuser over the private unix socket
    as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U "$SUPERUSER" "$@"
}

init_cluster() {
    say "creating a PostgreSQL cluster in $DATA"
    make_private_dir "$DATA"
    as_owner "$PG_BIN/initdb" -D "$DATA" -U "$SUPERUSER" --encoding=UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 >"$BASE/initdb.log" 2>&1 ||
        { cat "$BASE/initdb.log" >&2; die "initdb failed (log above, also in $BASE/initdb.log)"; }
    echo "include_if_exists = '$CONF_NAME'" | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
}

write_conf() {
    as_owner tee "$DATA/$CONF_NAME" >/dev/null <<EOF
# Written by scripts/services.sh: a private cluster for the tests, reachable from this machine only.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$RUN'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
max_connections = 200
EOF
}

start_cluster() {
    local port
    port="$(recorded_port)"
    PORT=""
    for candidate in ${port:+$port} $(seq "$FIRST_PORT" $((FIRST_PORT + 100))); do
        if ! port_in_use "$candidate"; then PORT="$candidate"; break; fi
    done
    [ -n "$PORT" ] || die "no free port in $FIRST_PORT-$((FIRST_PORT + 100))"
    write_conf
    # Leftovers of a cluster that did not stop cleanly (its pid is not a postmaster of ours).
    as_owner rm -f "$DATA/postmaster.pid" "$RUN/.s.PGSQL.$PORT" "$RUN/.s.PGSQL.$PORT.lock"
    say "starting PostgreSQL on 127.0.0.1:$PORT (log: $BASE/postgres.log)"
    if ! as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$BASE/postgres.log" -w -t 60 start >/dev/null; then
        tail -n 30 "$BASE/postgres.log" >&2 || true
        die "PostgreSQL did not start (log above, also in $BASE/postgres.log)"
    fi
}

ensure_database_and_url() {
    local password
    password="$(recorded_password)"
    [ -n "$password" ] || password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    # The password goes through stdin, never on a command line.
    printf "ALTER ROLE %s PASSWORD '%s';\n" "$SUPERUSER" "$password" | psql_owner -d postgres >/dev/null
    if [ -z "$(psql_owner -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
        psql_owner -d postgres -c "CREATE DATABASE $DATABASE" >/dev/null
    fi
    local url="postgresql://$SUPERUSER:$password@127.0.0.1:$PORT/$DATABASE"
    (umask 077 && printf '%s\n' "$url" >"$URL_FILE.tmp" && mv -f "$URL_FILE.tmp" "$URL_FILE")
    (umask 022 && printf '%s\n' "$BASE" >"$DIR_FILE.tmp" && mv -f "$DIR_FILE.tmp" "$DIR_FILE")
    say "database $DATABASE ready; its URL (password included) is in $URL_FILE"
    printf '%s\n' "$url"
}

locate() {  # set BASE, DATA, RUN from the record (for stop/status); false when there is none
    if [ -f "$DIR_FILE" ]; then BASE="$(cat "$DIR_FILE")"; else BASE="$SERVICES/postgres"; fi
    DATA="$BASE/data"
    RUN="$BASE/run"
    [ -d "$DATA" ]
}

cmd_start() {
    install_packages
    PG_BIN="$(find_pg_bin)" || die "PostgreSQL's initdb was not found (install the Debian package postgresql)"
    if is_root; then
        id "$SUPERUSER" >/dev/null 2>&1 || die "no '$SUPERUSER' OS user: install the Debian package postgresql"
        command -v runuser >/dev/null 2>&1 || die "runuser (util-linux) is needed to run PostgreSQL as $SUPERUSER"
    fi
    mkdir -p "$SERVICES"
    exec 9>"$SERVICES/.lock"
    flock -w 300 9 || die "another services.sh holds $SERVICES/.lock"

    BASE="$(choose_base)"
    DATA="$BASE/data"
    RUN="$BASE/run"
    make_private_dir "$BASE"
    owner_can_use "$BASE" || die "$(owner) cannot use $BASE (is a folder above it closed to $(owner)?)"
    make_private_dir "$RUN"
    [ -f "$DATA/PG_VERSION" ] || init_cluster
    if running_pid >/dev/null; then
        PORT="$(recorded_port)"
        say "PostgreSQL is already running on 127.0.0.1:$PORT ($DATA)"
    else
        start_cluster
    fi
    ensure_database_and_url
}

cmd_stop() {
    if ! locate; then say "no cluster recorded in $DIR_FILE: nothing to stop"; return 0; fi
    PG_BIN="$(find_pg_bin)" || die "PostgreSQL's pg_ctl was not found"
    mkdir -p "$SERVICES"
    exec 9>"$SERVICES/.lock"
    flock -w 300 9 || die "another services.sh holds $SERVICES/.lock"
    if running_pid >/dev/null; then
        as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
        say "PostgreSQL stopped ($DATA)"
    else
        say "PostgreSQL is not running ($DATA)"
    fi
}

cmd_status() {
    if locate && running_pid >/dev/null; then
        say "PostgreSQL is running on 127.0.0.1:$(recorded_port) ($DATA)"
        # The password stays in $URL_FILE (mode 600); `url` prints it whole for a tool to read.
        sed -E 's#^([^:]+://[^:/@]*:)[^@]*@#\1***@#' "$URL_FILE"
    else
        say "PostgreSQL is not running"
        return 3
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) [ -f "$URL_FILE" ] && cat "$URL_FILE" || die "no $URL_FILE: run scripts/services.sh start" ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
