"""Files that are not regular files, or too large, are refused by read_csv and
the text model's lexicon and taxonomy loaders: a FIFO used to block forever, a
directory loaded as an empty lexicon, /dev/zero read until memory ran out."""
import os
import threading

import pytest

import candor


def call_without_blocking(fifo, call, seconds=10):
    """call() (which reads `fifo`) on a thread; the error it raises. If it
    blocks, a writer opens and closes the FIFO so it sees end-of-file, and the
    test fails instead of hanging."""
    outcome = {}

    def target():
        try:
            call()
            outcome["error"] = None
        except candor.Error as e:
            outcome["error"] = e

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    blocked = thread.is_alive()
    if blocked:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        thread.join(seconds)
    assert not blocked, "reading the FIFO %s blocked for %d s" % (fifo, seconds)
    return outcome.get("error")


READERS = {
    "read_csv": lambda path: candor.read_csv(path),
    "lexicon": lambda path: candor.TextModel(lexicon=path),
    "taxonomy": lambda path: candor.TextModel(taxonomy=path),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_fifo_is_refused_without_blocking(tmp_path, reader):
    fifo = str(tmp_path / "input.fifo")
    os.mkfifo(fifo)
    error = call_without_blocking(fifo, lambda: READERS[reader](fifo))
    assert error is not None, "a FIFO was read as a file"
    assert error.status == "CANDOR_IO_ERROR"
    assert fifo in str(error) and "FIFO" in str(error)


@pytest.mark.parametrize("reader", sorted(READERS))
def test_directories_and_devices_are_refused(tmp_path, reader):
    with pytest.raises(candor.Error) as e:
        READERS[reader](str(tmp_path))
    assert e.value.status == "CANDOR_IO_ERROR"
    assert "a directory, not a regular file" in str(e.value)
    with pytest.raises(candor.Error) as e:
        READERS[reader]("/dev/null")
    assert e.value.status == "CANDOR_IO_ERROR"
    assert "a character device, not a regular file" in str(e.value)


def test_a_directory_does_not_replace_the_lexicon(tmp_path):
    model = candor.TextModel()
    before = model.lexicon_size
    assert before > 0
    with pytest.raises(candor.Error):
        model.load_lexicon(str(tmp_path), replace=True)
    assert model.lexicon_size == before


def test_read_csv_max_bytes(tmp_path):
    text = b"score\n10\n9\n0\n"
    path = tmp_path / "small.csv"
    path.write_bytes(text)
    assert len(candor.read_csv(path, max_bytes=len(text))) == 3
    assert len(candor.read_csv(path, max_bytes=None)) == 3  # the default: no limit
    assert len(candor.read_csv(path, max_bytes=0)) == 3  # 0: no limit, as in C
    with pytest.raises(candor.Error) as e:
        candor.read_csv(path, max_bytes=len(text) - 1)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    assert str(path) in str(e.value) and "limit of %d bytes" % (len(text) - 1) in str(e.value)
    for bad in (-1, 1.5, "13", True, 2**64):
        with pytest.raises(candor.Error) as e:
            candor.read_csv(path, max_bytes=bad)
        assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "max_bytes" in str(e.value)
    # /dev/zero never ends: refused before reading (bounded by the limit if
    # that ever regressed).
    with pytest.raises(candor.Error) as e:
        candor.read_csv("/dev/zero", max_bytes=1 << 20)
    assert e.value.status == "CANDOR_IO_ERROR" and "character device" in str(e.value)


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_nul_in_a_path_is_refused(tmp_path, reader):
    # C would see the path cut at the NUL: "dir/x\0.csv" would read "dir/x".
    (tmp_path / "x").write_text("score\n10\n")
    with pytest.raises(candor.Error) as e:
        READERS[reader](str(tmp_path / "x") + "\0.csv")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "NUL" in str(e.value)
