#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "countersign.ui.i18n")

// Every translator this module installs carries this name, so a later call can find and remove them.
QString translatorName() { return u"countersign.translator"_s; }
QString chinese() { return u"zh_CN"_s; }
QString english() { return u"en"_s; }

void removeOurTranslators(QCoreApplication& app)
{
    const auto translators = app.findChildren<QTranslator*>(translatorName(), Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void install(QCoreApplication& app, const QString& file, const QString& directory)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(translatorName());
    if (!translator->load(file, directory)) {
        qCWarning(lcI18n) << "no translation" << file << "in" << directory;
        delete translator;
        return;
    }
    QCoreApplication::installTranslator(translator);
}

} // namespace

QStringList availableLanguages()
{
    return {chinese(), english()};
}

QString resolveLanguage(const QString& lang)
{
    if (lang.isEmpty())
        return QLocale::system().language() == QLocale::Chinese ? chinese() : english();
    if (lang.startsWith(u"zh", Qt::CaseInsensitive))
        return chinese();
    return english();
}

QString installTranslations(QCoreApplication& app, const QString& lang)
{
    const QString chosen = resolveLanguage(lang);
    removeOurTranslators(app);

    // English is the source language of our strings, but Qt's own English file still fixes plurals.
    install(app, u"qtbase_"_s + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(app, u"countersign_"_s + chosen, u":/i18n"_s);

    QLocale::setDefault(chosen == chinese() ? QLocale(QLocale::Chinese, QLocale::China)
                                           : QLocale(QLocale::English, QLocale::UnitedStates));
    return chosen;
}

} // namespace cs::ui
