#!/usr/bin/env python3
"""Starts a command and times, from outside, the first frame of an Xvfb framebuffer that shows
the data: at least MIN_PIXELS pixels of one colour (a severity chip's), polled every 50 ms.

  first_frame.py FRAMEBUFFER RRGGBB MIN_PIXELS TIMEOUT_S LOG -- COMMAND...

FRAMEBUFFER is the file Xvfb keeps with -fbdir (XWD, 32 bits per pixel, read as it is drawn).
Prints "PID MILLISECONDS STARTED" (from just before the fork to the poll that saw the frame; the
fork's wall-clock time in epoch ms) and leaves the command running with its stderr in LOG;
MILLISECONDS is -1 at the timeout.
FIRST_FRAME_DEBUG=1 prints each poll's pixel count on stderr; FIRST_FRAME_SAVE=FILE keeps the
frame that was seen (XWD), to look at."""
import os
import subprocess
import sys
import time

POLL_S = 0.05


def main():
    framebuffer, colour, min_pixels, timeout_s, log = sys.argv[1:6]
    command = sys.argv[sys.argv.index("--") + 1:]
    rgb = bytes.fromhex(colour)
    pixel = bytes([rgb[2], rgb[1], rgb[0]])  # stored as B, G, R, pad on a little-endian server
    with open(log, "wb") as err:
        started, started_epoch_ms = time.monotonic(), round(time.time() * 1000)
        process = subprocess.Popen(command, stderr=err, stdout=subprocess.DEVNULL)
    deadline = started + float(timeout_s)
    while time.monotonic() < deadline:
        with open(framebuffer, "rb") as fb:
            frame = fb.read()
            count = frame.count(pixel)
            if "FIRST_FRAME_DEBUG" in os.environ:
                print(round((time.monotonic() - started) * 1000), count, file=sys.stderr)
            if count >= int(min_pixels):
                if os.environ.get("FIRST_FRAME_SAVE"):
                    with open(os.environ["FIRST_FRAME_SAVE"], "wb") as saved:
                        saved.write(frame)
                print(process.pid, round((time.monotonic() - started) * 1000), started_epoch_ms)
                return
        if process.poll() is not None:
            break
        next_poll = started + POLL_S * (int((time.monotonic() - started) / POLL_S) + 1)
        time.sleep(max(0.0, next_poll - time.monotonic()))
    print(process.pid, -1, started_epoch_ms)


main()
