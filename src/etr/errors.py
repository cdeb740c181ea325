"""Every error etr reports to a user, each carrying its exit code. Standard library only."""

from __future__ import annotations


class EtrError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(EtrError):
    """The query was understood but nothing matched (exit 1)."""

    exit_code = 1


class BadQuery(EtrError):
    """The user's input cannot be read (exit 2)."""

    exit_code = 2


class BadDocument(EtrError):
    """A document given to `etr build --add` or `etr extract` cannot be used (exit 2)."""

    exit_code = 2


class FactBaseMissing(EtrError):
    """No fact base where one was expected (exit 3)."""

    exit_code = 3


class FactBaseInvalid(EtrError):
    """The fact base exists but cannot be trusted (exit 3)."""

    exit_code = 3


class FactBaseBusy(EtrError):
    """Another build holds the fact base too long (exit 3)."""

    exit_code = 3


class BuildFailed(EtrError):
    """The build found a problem in the registry or the documents; nothing was written (exit 3)."""

    exit_code = 3


def interrupted(e: BaseException) -> bool:
    """Whether a KeyboardInterrupt caused `e`: Ctrl-C while a class is being made reaches etr as
    "RuntimeError: Error calling __set_name__ ..." (seen during `import ipaddress`)."""
    seen: set[int] = set()
    x: BaseException | None = e
    while x is not None and id(x) not in seen:
        if isinstance(x, KeyboardInterrupt):
            return True
        seen.add(id(x))
        x = x.__cause__ or x.__context__
    return False
