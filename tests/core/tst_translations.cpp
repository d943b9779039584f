// The shipped translations are complete: every message lupdate finds in the sources is in both .ts
// files, translated (zh_CN into Chinese), with nothing left unfinished or obsolete.
#include <QHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message {
    QString translation;
    QString type; // empty, unfinished, vanished, obsolete
};

// context + U+0001 + source -> message
QHash<QString, Message> readTs(const QString& path, QString* error)
{
    QHash<QString, Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path;
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name"_s)
                context = xml.readElementText();
            else if (xml.name() == u"message"_s)
                current = {};
            else if (xml.name() == u"source"_s)
                source = xml.readElementText();
            else if (xml.name() == u"translation"_s) {
                current.type = xml.attributes().value(u"type"_s).toString();
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == u"message"_s) {
            messages.insert(context + QChar(1) + source, current);
        }
    }
    if (xml.hasError())
        *error = path + u": "_s + xml.errorString();
    return messages;
}

QString tsPath(const QString& lang)
{
    return QStringLiteral(COUNTERSIGN_SOURCE_DIR) + u"/translations/countersign_"_s + lang + u".ts"_s;
}

QString describe(const QString& key) { return QString(key).replace(QChar(1), u" / "_s); }

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void bothLanguagesAreComplete_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("zh_CN") << u"zh_CN"_s;
        QTest::newRow("en") << u"en"_s;
    }
    void bothLanguagesAreComplete()
    {
        QFETCH(QString, lang);
        QString error;
        const auto messages = readTs(tsPath(lang), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 50);
        static const QRegularExpression cjk(u"[\\x{4e00}-\\x{9fff}]"_s);
        static const QRegularExpression words(u"[A-Za-z]{3,}"_s);
        static const QStringList brandOnly = {u"Countersign"_s, u"SQLite"_s, u"PostgreSQL"_s};
        for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
            const QString key = describe(it.key());
            QVERIFY2(it->type.isEmpty(), qPrintable(lang + u" has an "_s + it->type + u" message: "_s + key));
            QVERIFY2(!it->translation.isEmpty(), qPrintable(lang + u" leaves untranslated: "_s + key));
            if (lang == u"zh_CN"_s) {
                QString source = it.key().section(QChar(1), 1);
                for (const QString& brand : brandOnly)
                    source.remove(brand);
                source.remove(QRegularExpression(u"--?[a-z-]+|COUNTERSIGN_[A-Z_]+|[a-z]+://\\S*|sqlite:\\S*"_s));
                if (words.match(source).hasMatch())
                    QVERIFY2(cjk.match(it->translation).hasMatch(),
                             qPrintable(u"zh_CN translation is not Chinese: "_s + key));
            }
        }
    }

    void bothLanguagesHoldTheSameMessages()
    {
        QString error;
        const auto zh = readTs(tsPath(u"zh_CN"_s), &error);
        const auto en = readTs(tsPath(u"en"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto it = zh.cbegin(); it != zh.cend(); ++it)
            QVERIFY2(en.contains(it.key()), qPrintable(u"missing from en: "_s + describe(it.key())));
        QCOMPARE(en.size(), zh.size());
    }

    // lupdate over today's sources finds exactly the messages the .ts files hold: none added to the
    // code without a translation, none left behind after its code went.
    void translationsMatchTheSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(u"fresh.ts"_s);
        const QString root = QStringLiteral(COUNTERSIGN_SOURCE_DIR);
        QProcess lupdate;
        lupdate.start(QStringLiteral(COUNTERSIGN_LUPDATE),
                      {root + u"/core"_s, root + u"/ui"_s, root + u"/app"_s, u"-locations"_s, u"none"_s,
                       u"-silent"_s, u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        const auto found = readTs(fresh, &error);
        const auto shipped = readTs(tsPath(u"zh_CN"_s), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto it = found.cbegin(); it != found.cend(); ++it)
            QVERIFY2(shipped.contains(it.key()), qPrintable(u"not in the .ts files: "_s + describe(it.key())));
        for (auto it = shipped.cbegin(); it != shipped.cend(); ++it)
            QVERIFY2(found.contains(it.key()), qPrintable(u"no longer in the sources: "_s + describe(it.key())));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
