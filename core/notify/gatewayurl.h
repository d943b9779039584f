#pragma once

#include <QStringList>
#include <QUrl>

namespace cs {

// Where the SMS gateway may be: https anywhere (the certificate is verified), plain http only on this
// machine (a test or relay gateway), never with credentials inside the URL (they live in the SecretStore).
inline bool isAcceptableGatewayUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == QStringLiteral("https"))
        return true;
    static const QStringList loopback{QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("::1")};
    return url.scheme() == QStringLiteral("http") && loopback.contains(url.host());
}

} // namespace cs
