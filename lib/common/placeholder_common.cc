// Module common: implementation in progress.
