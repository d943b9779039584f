#pragma once

#include "common/result.h"

#include <QUuid>

namespace cs::ui {

// The id a changing service call is made under, so that a retry is not applied twice.
inline QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A refused request changed nothing, so the next attempt gets an id of its own; one whose outcome is
// unknown (connection lost) is retried under the same id.
inline bool needsNewRequestId(const Error& error)
{
    return error.kind == ErrorKind::Invalid || error.kind == ErrorKind::Refused || error.kind == ErrorKind::NotFound;
}

} // namespace cs::ui
