// Module score: implementation in progress.
