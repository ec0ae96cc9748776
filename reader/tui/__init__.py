"""The interactive shell: renders core models and dispatches keys, nothing more."""
