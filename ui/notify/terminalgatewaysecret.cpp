#include "notify/terminalgatewaysecret.h"

#include "notify/gatewaysecret.h"
#include "security/keychainsecretstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace cs::ui {

namespace {

SecretStore* g_testStore = nullptr;

} // namespace

void setGatewaySecretStoreForTesting(SecretStore* store)
{
    g_testStore = store;
}

TerminalGatewaySecret::TerminalGatewaySecret(const Database& db)
{
    if (g_testStore) {
        m_store = std::make_unique<BorrowedSecretStore>(*g_testStore);
        return;
    }
    // The keychain is asked only for a PostgreSQL database; an SQLite one keeps it beside its file.
    m_keychain = std::make_unique<KeychainSecretStore>();
    m_store = gatewaySecretStoreFor(db, m_keychain.get());
}

TerminalGatewaySecret::~TerminalGatewaySecret() = default;

bool TerminalGatewaySecret::isStored() const
{
    if (!m_store)
        return false;
    auto read = m_store->read(gatewaySecretName());
    if (!read)
        return false;
    const SecureBytes secret(std::move(*read));
    return !secret.bytes().isEmpty();
}

Status TerminalGatewaySecret::write(const QString& password)
{
    if (password.isEmpty())
        return fail(Error::invalid(u"notice.gateway_password"_s, u"password"_s,
                                   QCoreApplication::translate("cs::ui::TerminalGatewaySecret",
                                                               "Type the gateway's password.")));
    if (!m_store)
        return fail(Error::unavailable(u"notice.gateway_secret_store"_s,
                                       QCoreApplication::translate("cs::ui::TerminalGatewaySecret",
                                                                   "This terminal has no place to keep the gateway's "
                                                                   "password.")));
    const SecureBytes secret(password.toUtf8());
    return m_store->write(gatewaySecretName(), secret.bytes());
}

} // namespace cs::ui
