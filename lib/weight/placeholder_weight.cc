// Module weight: implementation in progress.
