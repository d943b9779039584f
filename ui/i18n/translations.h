#pragma once

#include <QString>

class QCoreApplication;

namespace cs::ui {

// The languages the terminal ships: "zh_CN" (Simplified Chinese) and "en" (English).
QStringList availableLanguages();

// The language `lang` resolves to: "zh_CN" or "en" as given, "zh..." -> "zh_CN"; empty picks from
// QLocale::system() (any Chinese locale -> "zh_CN"); anything else -> "en".
QString resolveLanguage(const QString& lang);

// Installs Qt's own translation (qtbase_<lang>.qm from the Qt translations directory) and ours
// (:/i18n/countersign_<lang>.qm) on `app`, replacing any installed by an earlier call, and makes the
// matching QLocale the default. Returns the language chosen ("zh_CN" or "en").
QString installTranslations(QCoreApplication& app, const QString& lang = {});

} // namespace cs::ui
