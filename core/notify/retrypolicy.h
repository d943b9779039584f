#pragma once

#include <QtGlobal>

namespace cs {

// When a failed notice is tried again: exponential backoff with jitter, so that senders retrying after a
// gateway outage do not all come back at the same moment. The n-th failure (n >= 1) waits
// d = min(max, base * 2^(n-1)) and then d/2 plus a random part of d/2 ("equal jitter": never sooner
// than half of d). `random` is a uniformly drawn 32-bit number (QRandomGenerator in the sender).
struct RetryPolicy {
    int maxAttempts = 6;
    qint64 baseMs = 30'000;
    qint64 maxMs = 3'600'000;

    qint64 delayMs(int failures, quint32 random) const;
    // The failure that uses up the last attempt turns the notice dead.
    bool isLastAttempt(int attemptsMade) const { return attemptsMade >= maxAttempts; }
};

} // namespace cs
