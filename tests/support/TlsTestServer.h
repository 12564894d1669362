// SPDX-License-Identifier: MIT
// A tiny HTTPS server on 127.0.0.1 for TLS tests (LoopbackHttpServer has no TLS, and Qt 6.4 has
// no QSslServer): QTcpServer + QSslSocket::startServerEncryption. A throwaway CA, a server
// certificate for 127.0.0.1 (subjectAltName IP:127.0.0.1) and a client certificate are made
// with the openssl CLI in a temporary directory. It can require and verify a client
// certificate. Runs on the thread that owns it: the test must process events while it waits.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>

class TlsTestServer final : public QTcpServer {
    Q_OBJECT
public:
    explicit TlsTestServer(QObject *parent = nullptr);
    ~TlsTestServer() override; // stops s_server

    // Makes the keys and certificates and listens. False with failure() when the openssl
    // CLI or Qt's TLS backend is missing: tests must then fail, not skip.
    bool start(bool requireClientCert);
    QString failure() const { return m_error; }
    QByteArray baseUrl() const; // "https://127.0.0.1:PORT"

    // Also runs `openssl s_server -Verify 1 -www` with the same certificates: it requires a
    // client certificate the way OpenSSL-based servers do (a TLS alert after the handshake,
    // where the Qt server just closes). After start(). Its URL, or empty with failure().
    QByteArray startOpensslServer();

    QString caFile() const;         // PEM: the CA that signed both certificates
    QString clientCertFile() const; // PEM, CN "dutyboard-client"
    QString clientKeyFile() const;  // PEM, unencrypted

    // Every request is answered 200 with one Alertmanager-shaped alert whose label "client"
    // names the client certificate's CN ("none" without one).
    int requestsServed() const { return m_served; }
    // Why the last handshake failed, as the server saw it (empty when none failed).
    QString lastHandshakeError() const { return m_handshakeError; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    bool openssl(const QStringList &arguments);
    bool makeCertificates();

    QTemporaryDir m_dir;
    QProcess m_openssl;
    QSslCertificate m_ca;
    QSslCertificate m_cert;
    QSslKey m_key;
    bool m_requireClientCert = false;
    int m_served = 0;
    QString m_error;
    QString m_handshakeError;
};
