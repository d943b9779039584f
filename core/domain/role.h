#pragma once

#include <QString>

#include <optional>

namespace cs {

enum class Role { Teller, Supervisor, Auditor, Admin };

QString roleKey(Role role);                        // "teller", as stored and typed on the CLI
std::optional<Role> roleFromKey(const QString& key);
QString roleDisplayName(Role role);                // translated

} // namespace cs
