"""Subcommands: one module each, with add_arguments(parser) and run(args) -> exit code.

What they share (reading input, writing output, failing) is in quiz.commands.common."""
