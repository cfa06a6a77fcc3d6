"""The editors' commands (``carnet check``, ``carnet new``, ``carnet publish-record``)."""
