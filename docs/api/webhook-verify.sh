#!/bin/sh
# Verifies a Lodestar webhook delivery: the body on stdin, the webhook's secret and the Lodestar-Signature
# header as arguments. Exit 0 when the signature matches and the timestamp is within 300 s of now.
#   sh webhook-verify.sh "$SECRET" "$SIGNATURE_HEADER" < body.json
secret="$1" header="$2" tolerance="${3:-300}"
t=$(printf '%s' "$header" | sed -n 's/.*t=\([0-9][0-9]*\).*/\1/p')
v1=$(printf '%s' "$header" | sed -n 's/.*v1=\([0-9a-f]*\).*/\1/p')
now=$(date +%s)
if [ -z "$t" ] || [ $((now - t)) -gt "$tolerance" ] || [ $((t - now)) -gt "$tolerance" ]; then
  echo "refused: timestamp missing or more than ${tolerance}s from now" >&2; exit 1
fi
expected=$({ printf '%s.' "$t"; cat; } | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')
if [ "$expected" != "$v1" ]; then
  echo "refused: signature does not match" >&2; exit 1
fi
echo ok
