// Module io: implementation in progress.
