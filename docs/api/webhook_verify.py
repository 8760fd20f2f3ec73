"""Verifies a Lodestar webhook delivery.

    python3 webhook_verify.py "$SECRET" "$SIGNATURE_HEADER" < body.json

Exit 0 when the signature matches and the timestamp is within 300 s of now.
"""
import hashlib
import hmac
import sys
import time


def verify(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False  # too old (or from the future): a replay, or a clock far off
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


if __name__ == "__main__":
    ok = verify(sys.argv[1], sys.argv[2], sys.stdin.buffer.read())
    print("ok" if ok else "refused")
    sys.exit(0 if ok else 1)
