// SPDX-License-Identifier: MIT
#include "TlsTestServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

TlsTestServer::TlsTestServer(QObject *parent)
    : QTcpServer(parent) {}

TlsTestServer::~TlsTestServer() {
    if (m_openssl.state() != QProcess::NotRunning) {
        m_openssl.kill();
        m_openssl.waitForFinished(5000);
    }
}

QByteArray TlsTestServer::startOpensslServer() {
    m_openssl.setWorkingDirectory(m_dir.path());
    m_openssl.setProcessChannelMode(QProcess::MergedChannels);
    m_openssl.start(
        QStringLiteral("openssl"),
        {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
         QStringLiteral("-cert"), QStringLiteral("server.pem"), QStringLiteral("-key"),
         QStringLiteral("server.key"), QStringLiteral("-CAfile"), QStringLiteral("ca.pem"),
         QStringLiteral("-Verify"), QStringLiteral("1"), QStringLiteral("-www")});
    // It says "ACCEPT 127.0.0.1:PORT" once it listens.
    QByteArray output;
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_openssl.waitForReadyRead(1000)) {
        output += m_openssl.readAll();
        const qsizetype at = output.indexOf("ACCEPT 127.0.0.1:");
        const qsizetype end = at < 0 ? -1 : output.indexOf('\n', at);
        if (end > at)
            return "https://127.0.0.1:" + output.mid(at + 17, end - at - 17).trimmed();
    }
    m_error =
        QStringLiteral("openssl s_server did not start: %1").arg(QString::fromLocal8Bit(output));
    return {};
}

QString TlsTestServer::caFile() const {
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QString TlsTestServer::clientCertFile() const {
    return m_dir.filePath(QStringLiteral("client.pem"));
}

QString TlsTestServer::clientKeyFile() const {
    return m_dir.filePath(QStringLiteral("client.key"));
}

QByteArray TlsTestServer::baseUrl() const {
    return "https://127.0.0.1:" + QByteArray::number(serverPort());
}

bool TlsTestServer::openssl(const QStringList &arguments) {
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit &&
        process.exitCode() == 0)
        return true;
    m_error = QStringLiteral("openssl %1 failed: %2")
                  .arg(arguments.join(QLatin1Char(' ')),
                       QString::fromLocal8Bit(process.readAll()) + process.errorString());
    return false;
}

bool TlsTestServer::makeCertificates() {
    const QStringList ecKey = {
        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    // A key and a certificate signed by the CA, with the extensions in `ext`.
    const auto signedPair = [this, &ecKey](const QString &name, const QString &cn,
                                           const QByteArray &ext) {
        return writeFile(m_dir.filePath(name + QStringLiteral(".ext")), ext) &&
               openssl(QStringList{QStringLiteral("req")} + ecKey +
                       QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                   QStringLiteral("-out"), name + QStringLiteral(".csr"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=") + cn}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                        QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                        QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-out"),
                        name + QStringLiteral(".pem"), QStringLiteral("-extfile"),
                        name + QStringLiteral(".ext")});
    };
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                   QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                               QStringLiteral("-out"), QStringLiteral("ca.pem"),
                               QStringLiteral("-days"), QStringLiteral("2"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=dutyboard test CA"),
                               QStringLiteral("-addext"),
                               QStringLiteral("basicConstraints=critical,CA:TRUE"),
                               QStringLiteral("-addext"),
                               QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}) &&
           signedPair(QStringLiteral("server"), QStringLiteral("127.0.0.1"),
                      "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n") &&
           signedPair(QStringLiteral("client"), QStringLiteral("dutyboard-client"),
                      "extendedKeyUsage=clientAuth\n");
}

bool TlsTestServer::start(bool requireClientCert) {
    m_requireClientCert = requireClientCert;
    if (!QSslSocket::supportsSsl()) {
        m_error = QStringLiteral("Qt has no working TLS backend here (QSslSocket::supportsSsl() "
                                 "is false): install libssl3");
        return false;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = QStringLiteral("the openssl command is missing: install the package openssl");
        return false;
    }
    if (!m_dir.isValid() || !makeCertificates())
        return false;
    m_ca = QSslCertificate(readFile(caFile()));
    m_cert = QSslCertificate(readFile(m_dir.filePath(QStringLiteral("server.pem"))));
    m_key = QSslKey(readFile(m_dir.filePath(QStringLiteral("server.key"))), QSsl::Ec);
    if (m_ca.isNull() || m_cert.isNull() || m_key.isNull()) {
        m_error = QStringLiteral("Qt cannot read the certificates made by openssl");
        return false;
    }
    if (!listen(QHostAddress::LocalHost, 0)) {
        m_error = QTcpServer::errorString();
        return false;
    }
    return true;
}

void TlsTestServer::incomingConnection(qintptr handle) {
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(m_cert);
    conf.setPrivateKey(m_key);
    conf.setCaCertificates({m_ca}); // only our CA vouches for clients
    conf.setPeerVerifyMode(m_requireClientCert ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    socket->setSslConfiguration(conf);

    auto input = std::make_shared<QByteArray>();
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_handshakeError = errors.value(0).errorString();
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        if (!socket->isEncrypted())
            m_handshakeError = socket->errorString();
    });
    connect(socket, &QSslSocket::readyRead, this, [this, socket, input] {
        *input += socket->readAll();
        if (!input->contains("\r\n\r\n"))
            return;
        input->clear();
        const QString cn =
            socket->peerCertificate().isNull()
                ? QStringLiteral("none")
                : socket->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
        const QByteArray body =
            R"([{"fingerprint":"tls1","labels":{"alertname":"TlsOk","client":")" + cn.toUtf8() +
            R"("},"annotations":{},"status":{"state":"active"}}])";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        ++m_served;
        socket->disconnectFromHost();
    });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    socket->startServerEncryption();
}
