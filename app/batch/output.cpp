#include "batch/output.h"

#include <QJsonDocument>

#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

namespace cs::batch {
namespace {

QJsonObject& pendingErrorDetail()
{
    static QJsonObject detail;
    return detail;
}

} // namespace

void addErrorDetail(const QJsonObject& detail)
{
    for (auto it = detail.begin(); it != detail.end(); ++it)
        pendingErrorDetail().insert(it.key(), it.value());
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return 2;
    case ErrorKind::Refused: return 3;
    case ErrorKind::NotFound: return 4;
    case ErrorKind::Unavailable:
    case ErrorKind::Conflict: return 5;
    case ErrorKind::Internal: return 1;
    }
    return 1;
}

int printResult(const QJsonObject& result)
{
    const QByteArray text = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return 0;
}

int printError(const Error& error)
{
    QJsonObject object = std::exchange(pendingErrorDetail(), {});
    object.insert(u"error"_s, error.code);
    object.insert(u"field"_s, error.field.isEmpty() ? QJsonValue() : QJsonValue(error.field));
    object.insert(u"message"_s, error.message);
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
    return exitCodeFor(error.kind);
}

} // namespace cs::batch
