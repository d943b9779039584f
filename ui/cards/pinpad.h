#pragma once

#include "security/secretstore.h"

#include <QObject>
#include <QString>

#include <functional>

namespace cs::ui {

// Where the customer, not the teller, enters a PIN: a hardware PIN pad on the counter, or the on-screen
// pad (OnScreenPinPad) on a customer-facing window. The teller's screen learns only that a PIN was
// entered, never its digits. One request at a time.
class PinPad : public QObject {
    Q_OBJECT

public:
    enum class Purpose { NewPin, CurrentPin }; // NewPin asks twice (entry and confirmation)

    struct Entry {
        bool entered = false;    // false: the customer or the teller cancelled, or the pad timed out
        SecureBytes pin;
        SecureBytes confirmation; // NewPin only
    };
    using Done = std::function<void(Entry&&)>;

    using QObject::QObject;
    // Shows `prompt` (translated, e.g. "Card 621700*********0004: enter a new PIN") to the customer and
    // calls `done` once, on the GUI thread, when the entry ends. The PIN goes nowhere else.
    virtual void request(Purpose purpose, const QString& prompt, Done done) = 0;
    // Ends a running request as cancelled (the teller pressed Esc).
    virtual void cancel() = 0;
    virtual bool busy() const = 0;
};

} // namespace cs::ui
