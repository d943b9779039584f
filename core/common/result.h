#pragma once

#include <QString>

#include <expected>

namespace cs {

// What kind of failure, which decides the CLI exit code and whether a caller may retry.
enum class ErrorKind {
    Invalid,     // bad input: a field is malformed or out of range (exit 2)
    Refused,     // a rule, limit, state or permission refuses it (exit 3)
    NotFound,    // the thing named does not exist (exit 4)
    Unavailable, // the database cannot be reached or opened (exit 5)
    Conflict,    // concurrent change or serialization failure after retries (exit 5)
    Internal,    // a bug or an unexpected database error (exit 1)
};

// A failure as a value: a stable machine code ("amount.malformed"), the field it concerns (empty when
// none) and a message already translated for the user.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString code;
    QString field;
    QString message;

    static Error invalid(QString code, QString field, QString message)
    {
        return {ErrorKind::Invalid, std::move(code), std::move(field), std::move(message)};
    }
    static Error refused(QString code, QString field, QString message)
    {
        return {ErrorKind::Refused, std::move(code), std::move(field), std::move(message)};
    }
    static Error notFound(QString code, QString field, QString message)
    {
        return {ErrorKind::NotFound, std::move(code), std::move(field), std::move(message)};
    }
    static Error unavailable(QString code, QString message)
    {
        return {ErrorKind::Unavailable, std::move(code), {}, std::move(message)};
    }
    static Error conflict(QString code, QString message)
    {
        return {ErrorKind::Conflict, std::move(code), {}, std::move(message)};
    }
    static Error internal(QString code, QString message)
    {
        return {ErrorKind::Internal, std::move(code), {}, std::move(message)};
    }
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }

} // namespace cs
