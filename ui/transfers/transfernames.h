#pragma once

#include <QString>

namespace cs::ui {

// Translated names of the transfer states TransferService answers with (context "cs::ui::TransferNames"):
// pending, posted, queued, sent, accepted, rejected, refused, cancelled, expired. A state without a
// name is shown as it is.
QString transferStateName(const QString& state);
// Whether the state is final and good (the money left the account), final and void, or still open.
bool transferStateIsDone(const QString& state);
bool transferStateIsVoid(const QString& state);

} // namespace cs::ui
