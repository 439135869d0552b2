// C ABI shims.
