"""Pictures named by content files: only real PNG/JPEG files from the content's own folder.

Content is untrusted, so an ``image:`` path must not reach outside the folder of the content
file (no absolute paths, no ``..``, no symlink out of it), and the file must be an image that
Pillow can read, of bounded bytes and pixels: a decompression bomb or a renamed executable is
refused before it gets near a deck.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_IMAGE_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
FORMATS = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg")}


@dataclass(frozen=True)
class CheckedImage:
    """An image file that passed every check, with its size in pixels."""

    path: Path
    width_px: int
    height_px: int


def check_image(folder: Path, rel: str) -> CheckedImage:
    """The image ``rel`` inside ``folder``; `ValueError` with a one-line reason otherwise."""
    if "\\" in rel or PureWindowsPath(rel).drive or PurePosixPath(rel).is_absolute():
        raise ValueError(f"{rel!r}: give a path relative to the content file, with / "
                         "(absolute paths are not allowed)")
    parts = PurePosixPath(rel).parts
    if ".." in parts:
        raise ValueError(f"{rel!r}: '..' is not allowed; put the image in the content file's folder")
    suffix = PurePosixPath(rel).suffix.lower()
    if suffix not in (".png", ".jpg", ".jpeg"):
        raise ValueError(f"{rel!r}: only PNG and JPEG images (.png, .jpg, .jpeg) are supported")
    base = folder.resolve()
    path = (base / rel).resolve()
    if not path.is_relative_to(base):
        raise ValueError(f"{rel!r}: points outside the content file's folder (a link?)")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ValueError(f"{rel!r}: image not found (looked for {path})") from None
    except OSError as exc:
        raise ValueError(f"{rel!r}: cannot read image ({exc.strerror or exc})") from None
    if not path.is_file():
        raise ValueError(f"{rel!r}: is not a file")
    if size > MAX_IMAGE_BYTES:
        raise ValueError(f"{rel!r}: image too large ({size} bytes, at most {MAX_IMAGE_BYTES})")
    return _verify(path, rel, suffix)


def _verify(path: Path, rel: str, suffix: str) -> CheckedImage:
    from PIL import Image

    try:
        with Image.open(path) as im:
            fmt = im.format or ""
            width, height = im.size
            if width * height > MAX_PIXELS:
                raise ValueError(f"{rel!r}: image has too many pixels ({width}×{height}, "
                                 f"at most {MAX_PIXELS // 1_000_000} million)")
            im.verify()
    except ValueError:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for broken files
        raise ValueError(f"{rel!r}: is not a readable PNG or JPEG image "
                         f"({type(exc).__name__})") from None
    if fmt not in FORMATS:
        raise ValueError(f"{rel!r}: is a {fmt or 'unknown'} file, not PNG or JPEG")
    if suffix not in FORMATS[fmt]:
        raise ValueError(f"{rel!r}: is a {fmt} image but named {suffix}; rename it")
    return CheckedImage(path, width, height)
