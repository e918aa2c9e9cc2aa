"""Command line: ``python -m grader demo``."""

import argparse


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="the main job: train the cat classifier and save its pictures")
    demo.add_argument("--out", default="artifacts", help="folder for the pictures and summary (default: artifacts)")
    demo.add_argument("--iterations", type=int, default=2500)
    demo.add_argument("--data-dir", help="folder holding the .h5 files (default: see dnn_utils.data)")
    args = parser.parse_args(argv)
    if args.command == "demo":
        from dnn_utils.data import DatasetError

        from .demo import train_and_report

        try:
            train_and_report(args.out, args.iterations, args.data_dir)
        except DatasetError as error:
            raise SystemExit(f"error: {error}") from None


if __name__ == "__main__":
    main()
