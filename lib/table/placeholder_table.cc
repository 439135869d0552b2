// Module table: implementation in progress.
