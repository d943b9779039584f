#pragma once

#include "cards/pinpad.h"

#include <QPointer>

#include <array>
#include <chrono>

class QLabel;
class QPushButton;
class QTimer;

namespace cs::ui {

class PinPadWindow;

// The PinPad of a counter without a hardware pad: a window of its own for the customer (on the second
// screen when there is one, else above the teller's window), with a 0-9 keypad, backspace, clear, OK
// and cancel. It shows the prompt and one dot per digit typed, never a digit. Digits, Backspace, Enter
// and Esc typed on a keyboard while the window is active work too. A new PIN is asked twice; a minute
// without a key (setTimeout) cancels. The digits live in a fixed buffer that is wiped as soon as they
// are handed over or dropped; the window is no child of the teller's.
// Object names: pinPadWindow; pinPadPrompt, pinPadStep, pinPadDots, pinPadTimeLeft; pinKey_0 ..
// pinKey_9, pinKeyBackspace, pinKeyClear, pinKeyOk, pinKeyCancel.
class OnScreenPinPad final : public PinPad {
    Q_OBJECT
public:
    static constexpr int pinLength = 6;

    explicit OnScreenPinPad(QObject* parent = nullptr);
    ~OnScreenPinPad() override;

    void request(Purpose purpose, const QString& prompt, Done done) override;
    void cancel() override;
    bool busy() const override { return static_cast<bool>(m_done); }

    // Cancels a request when no key came for this long (60 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // The customer's window (created with the first request; hidden while no request runs).
    QWidget* window() const;
    // How many digits the current entry holds (what the dots show).
    int digitCount() const { return m_count; }

private:
    friend class PinPadWindow;
    void typeDigit(char digit);
    void backspace();
    void clear();
    void confirm();
    void finish(bool entered);
    void showEntry();
    void restartTimeout();
    void wipeDigits();
    void placeWindow();

    QPointer<PinPadWindow> m_window;
    Purpose m_purpose = Purpose::CurrentPin;
    QString m_prompt;
    Done m_done;
    bool m_confirming = false; // NewPin: the second entry
    std::array<char, pinLength> m_digits{};
    int m_count = 0;
    SecureBytes m_first;
    std::chrono::milliseconds m_timeout{60'000};
    QTimer* m_timer = nullptr;
    QTimer* m_ticker = nullptr;
};

} // namespace cs::ui
