#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace cs {

// Staff passwords under scrypt (memory-hard, OpenSSL 3.0) with a per-user salt. The encoded hash
// carries its parameters, `$scrypt$ln=15,r=8,p=1$SALT$HASH`, so they can be raised later while old
// hashes still verify.
struct ScryptParams {
    int logN = 15; // N = 2^15: 32 MiB with r = 8
    int r = 8;
    int p = 1;
};

class PasswordHasher {
public:
    using Params = ScryptParams;

    static Result<QString> hash(const QString& password, Params params = {});
    // Constant-time comparison; false for a malformed stored hash.
    static bool verify(const QString& password, const QString& encoded);
    // True when the stored hash used weaker parameters than `params` (rehash at the next sign-on).
    static bool needsRehash(const QString& encoded, Params params = {});
};

} // namespace cs
