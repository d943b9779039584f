#pragma once

#include "cards/pinpad.h"

class QWidget;

namespace cs::ui {

// Asks the customer for a PIN on `pad` while the teller's side shows only a small window-modal note
// over `teller`: "Waiting for the customer's PIN…" with a Cancel button (Esc), which cancels the
// request. `done` gets the entry once, after the note has gone; a pad that is busy already answers
// "not entered" at once. Object names: pinWaitDialog, pinWaitLabel, pinWaitCancelButton.
void requestCustomerPin(PinPad& pad, PinPad::Purpose purpose, const QString& prompt, QWidget* teller,
                        PinPad::Done done);

} // namespace cs::ui
