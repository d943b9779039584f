// The card vault: keys derived from one master key (HKDF-SHA256), PANs sealed with AES-256-GCM, keyed
// lookup hashes and PIN verification values. Expected values worked out with Python's hmac/hashlib.
#include "security/cardvault.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray sequentialKey()
{
    QByteArray key;
    for (int i = 0; i < 32; ++i)
        key.append(char(i));
    return key;
}

cs::CardVault vault(const QByteArray& key = sequentialKey())
{
    auto v = cs::CardVault::fromMasterKey(key);
    if (!v)
        qFatal("no vault");
    return *v;
}

} // namespace

class TestCardVault : public QObject {
    Q_OBJECT

private slots:
    void derivedValuesAreExact()
    {
        const auto v = vault();
        QCOMPARE(v.keyId(), u"10d9c3188deeae46"_s);
        const QString hash = v.panLookupHash(u"6217880000000000010");
        QCOMPARE(hash, u"468464702044aa906321e63ba8954cf119be91521cc17b63215f204ee37d85b3"_s);
        QCOMPARE(v.pinVerificationValue(hash, cs::SecureBytes("270394")),
                 u"915e81bc5b750413a7a464ac92bd25918ef0a7953a0cc3a010397eb6b9b3abb2"_s);
    }
    void keyMustHave32Bytes()
    {
        const auto shortKey = cs::CardVault::fromMasterKey(QByteArray(31, 'k'));
        QVERIFY(!shortKey);
        QCOMPARE(shortKey.error().code, u"card.key_malformed"_s);
        QVERIFY(!cs::CardVault::fromMasterKey(QByteArray(33, 'k')));
        const auto generated = cs::CardVault::generateMasterKey();
        QVERIFY(generated);
        QCOMPARE(generated->size(), 32);
        QVERIFY(*generated != *cs::CardVault::generateMasterKey());
    }
    void sealAndOpen()
    {
        const auto v = vault();
        const QString pan = u"6217880000000000017"_s;
        const auto sealed = v.sealPan(pan);
        QVERIFY(sealed);
        QCOMPARE(sealed->size(), 1 + 12 + 19 + 16);
        QCOMPARE(sealed->at(0), char(1));
        QVERIFY(!sealed->contains(pan.toLatin1()));
        QVERIFY(!sealed->toHex().contains(pan.toLatin1()));
        QCOMPARE(v.openPan(*sealed).value(), pan);
        // A fresh nonce each time: the same PAN never seals to the same bytes.
        QVERIFY(*v.sealPan(pan) != *sealed);
    }
    void tamperingAndOtherKeysAreRefused()
    {
        const auto v = vault();
        QByteArray sealed = *v.sealPan(u"6217880000000000017");
        for (int at : {0, 5, 14, int(sealed.size()) - 1}) {
            QByteArray altered = sealed;
            altered[at] = char(altered[at] ^ 0x01);
            const auto opened = v.openPan(altered);
            QVERIFY2(!opened, qPrintable(QString::number(at)));
            QCOMPARE(opened.error().code, u"card.pan_unreadable"_s);
        }
        QVERIFY(!v.openPan(sealed.left(20)));
        const auto other = vault(QByteArray(32, 'x'));
        QVERIFY(other.keyId() != v.keyId());
        QCOMPARE(other.openPan(sealed).error().code, u"card.pan_unreadable"_s);
        QVERIFY(other.panLookupHash(u"6217880000000000017") != v.panLookupHash(u"6217880000000000017"));
    }
    void pinVerification()
    {
        const auto v = vault();
        const QString card1 = v.panLookupHash(u"6217880000000000017");
        const QString card2 = v.panLookupHash(u"6217880000000000025");
        const QString stored = v.pinVerificationValue(card1, cs::SecureBytes("270394"));
        QCOMPARE(stored.size(), 64);
        QVERIFY(!stored.contains(u"270394"_s));
        QVERIFY(v.pinMatches(card1, cs::SecureBytes("270394"), stored));
        QVERIFY(!v.pinMatches(card1, cs::SecureBytes("270395"), stored));
        QVERIFY(!v.pinMatches(card1, cs::SecureBytes("270394"), stored.left(63)));
        // The same PIN on another card gives another value.
        QVERIFY(v.pinVerificationValue(card2, cs::SecureBytes("270394")) != stored);
        // Copies share the keys and stay usable after the original goes.
        std::optional<cs::CardVault> copy;
        {
            const auto original = vault();
            copy = original;
        }
        QVERIFY(copy->pinMatches(card1, cs::SecureBytes("270394"), stored));
    }
};

QTEST_APPLESS_MAIN(TestCardVault)
#include "tst_cardvault.moc"
