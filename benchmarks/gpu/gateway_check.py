"""Gateway part of check.sh: redaction and restore through the echo provider (plain and streamed), one answer from the
local model, and the latency of 1 KB prompts (sequential, one keep-alive connection). Standard library only.
Usage: gateway_check.py BASE_URL LABEL. Exit code 1 when a check fails. Prints no prompt text."""
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse

# The paragraphs of benchmarks/Relay.Benchmarks/Prompts.cs, so the 1 KB prompt matches the benchmarks' prompt.
PARAGRAPHS = [
    "Please summarise the following e-mail from our customer and draft a polite reply. ",
    "Hi team, Maria Schneider (maria.schneider@example.com, +49 30 901820) wrote that her card 4111 1111 1111 1111 was charged twice. ",
    "The refund should go to IBAN DE89 3704 0044 0532 0130 00 at her bank in Berlin. ",
    "Our contact at Contoso Ltd, John Smith, called from +1 415-555-0132 about the renewal of the support contract. ",
    "Server logs show the request came from 192.168.10.24 and later from 2001:db8::8a2e:370:7334 during the outage. ",
    "Meeting minutes: we agreed to ship the migration next Tuesday, after the load tests pass in staging. ",
    "Remember the config still contains api_key=9fQ2xL7vR1mZ8kT4wB6nH3pJ5cY0dS2a which must be rotated. ",
    "The patient, NHS number 943 476 5919, reported mild symptoms and was advised to rest and drink fluids. ",
]


def prompt_of_size(size):
    text, i = "", 0
    while len(text.encode("utf-8")) < size:
        text += PARAGRAPHS[i % len(PARAGRAPHS)]
        i += 1
    return text


def post(conn, body, headers=None):
    conn.request("POST", "/v1/chat/completions", json.dumps(body),
                 {"content-type": "application/json", "authorization": "Bearer sk-test", **(headers or {})})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8")


def main():
    base, label = sys.argv[1], sys.argv[2]
    url = urllib.parse.urlparse(base)
    deadline = time.monotonic() + 120
    while True:
        try:
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            conn.request("GET", "/healthz")
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            print("gateway did not start")
            return 1
        time.sleep(0.5)

    ok = True
    text = "Please write to Maria Schneider at Contoso Ltd in Berlin, her mail is maria.schneider@example.com."
    status, headers, body = post(conn, {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": text}]})
    content = json.loads(body)["choices"][0]["message"]["content"] if status == 200 else ""
    entities = headers.get("X-Relay-Entities", "")
    restored = text in content
    print(f"[{label}] echo plain: {status}, restored={restored}, X-Relay-Entities={entities}")
    ok &= status == 200 and restored and "PERSON" in entities and "EMAIL_ADDRESS" in entities

    status, headers, body = post(conn, {"model": "gpt-4o-mini", "stream": True, "messages": [{"role": "user", "content": text}]})
    pieces = []
    for line in body.splitlines():
        if line.startswith("data: ") and line != "data: [DONE]":
            for choice in json.loads(line[6:]).get("choices", []):
                pieces.append(choice.get("delta", {}).get("content") or "")
    restored = text in "".join(pieces)
    print(f"[{label}] echo streamed: {status}, {len(pieces)} deltas, restored={restored}")
    ok &= status == 200 and restored

    status, headers, body = post(conn, {"model": "local", "max_tokens": 30,
                                        "messages": [{"role": "user", "content": "SECRET//NOFORN Once upon a time"}]})
    answer = json.loads(body)["choices"][0]["message"]["content"] if status == 200 else ""
    print(f"[{label}] local model: {status}, X-Relay-Route={headers.get('X-Relay-Route')}, {len(answer)} characters generated")
    if os.environ.get("LOCAL_EXPECT") == "503":
        # A GPU the llama.cpp build cannot run on: the local route refuses, and the gateway goes on serving.
        ok &= status == 503 and headers.get("X-Relay-Route") == "local"
    else:
        ok &= status == 200 and headers.get("X-Relay-Route") == "local" and len(answer) > 0

    for size in (1024, 16384):
        request = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt_of_size(size)}]}
        times = []
        for i in range(220):
            started = time.perf_counter()
            status, headers, _ = post(conn, request)
            elapsed = (time.perf_counter() - started) * 1000
            ok &= status == 200
            if i >= 20:
                times.append(elapsed)
        times.sort()
        print(f"[{label}] {size // 1024} KB prompt, 200 sequential requests: p50 {statistics.median(times):.2f} ms, "
              f"p99 {times[int(len(times) * 0.99) - 1]:.2f} ms, X-Relay-Entities={headers.get('X-Relay-Entities')}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
