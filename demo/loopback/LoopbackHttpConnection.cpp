// SPDX-License-Identifier: MIT
#include "LoopbackHttpConnection.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 64LL * 1024 * 1024;
constexpr qint64 kPieceBytes = 64 * 1024;      // largest single write
constexpr qint64 kHighWaterBytes = 256 * 1024; // Qt's write buffer is never filled beyond this
constexpr int kResetGraceMs = 20;              // lets the half body reach the peer first
constexpr int kMaxMethodLength = 16;

QByteArray reasonPhrase(int status) {
    static const std::pair<int, const char *> phrases[] = {
        {100, "Continue"},
        {200, "OK"},
        {201, "Created"},
        {202, "Accepted"},
        {204, "No Content"},
        {301, "Moved Permanently"},
        {302, "Found"},
        {303, "See Other"},
        {304, "Not Modified"},
        {307, "Temporary Redirect"},
        {308, "Permanent Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {413, "Content Too Large"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    for (const auto &[code, phrase] : phrases) {
        if (code == status)
            return phrase;
    }
    return "Status";
}

bool isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayLiteral("!#$%&'*+-.^_`|~").contains(c);
}

// False as soon as the input cannot be the start of a request line (a TLS hello, garbage), so
// such peers get a 400 at once instead of a hang.
bool couldBeMethod(const QByteArray &input) {
    const qsizetype space = input.indexOf(' ');
    const QByteArray method = space < 0 ? input : input.left(space);
    if (method.size() > kMaxMethodLength || (space == 0))
        return false;
    return std::all_of(method.cbegin(), method.cend(), isTokenChar);
}

bool hasToken(const QByteArray &headerValue, const QByteArray &token) {
    const QList<QByteArray> parts = headerValue.toLower().split(',');
    return std::any_of(parts.cbegin(), parts.cend(),
                       [&](const QByteArray &p) { return p.trimmed() == token; });
}

bool isBodyless(int status, const QByteArray &method) {
    return method == "HEAD" || status < 200 || status == 204 || status == 304;
}

} // namespace

LoopbackHttpConnection::LoopbackHttpConnection(QTcpSocket *socket, Serve serve, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_serve(std::move(serve)) {
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // small answers go out at once
    connect(m_socket, &QTcpSocket::readyRead, this, &LoopbackHttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_resetting)
            resetWhenDrained();
        else
            pump();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        deleteLater();
    else if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &LoopbackHttpConnection::processInput);
}

LoopbackHttpConnection::~LoopbackHttpConnection() = default;

void LoopbackHttpConnection::processInput() {
    const QByteArray incoming = m_socket->readAll();
    if (m_state == State::Ignoring || m_state == State::Closing)
        return;
    m_input += incoming;
    if (m_state == State::Responding) {
        // Pipelined requests wait for the current answer, within the usual limits.
        if (m_input.size() > kMaxHeadBytes + kMaxBodyBytes)
            resetConnection();
        return;
    }
    if (m_state == State::Head && !readHead())
        return;
    if (m_state == State::Body && !readBody())
        return;
    begin(m_serve(m_request), false);
}

bool LoopbackHttpConnection::readHead() {
    while (m_input.startsWith('\n') || m_input.startsWith("\r\n")) // tolerated between requests
        m_input.remove(0, m_input.startsWith('\n') ? 1 : 2);
    if (m_input.isEmpty())
        return false;
    if (!couldBeMethod(m_input)) {
        refuse(400);
        return false;
    }
    qsizetype end = m_input.indexOf("\r\n\r\n");
    qsizetype separator = 4;
    const qsizetype bareEnd = m_input.indexOf("\n\n");
    if (bareEnd >= 0 && (end < 0 || bareEnd < end)) {
        end = bareEnd;
        separator = 2;
    }
    if (end < 0 || end > kMaxHeadBytes) {
        if (m_input.size() > kMaxHeadBytes)
            refuse(431);
        return false;
    }
    const QList<QByteArray> lines = m_input.left(end).split('\n');
    m_input.remove(0, end + separator);

    m_request = HttpServerRequest();
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        refuse(400);
        return false;
    }
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    const qsizetype question = m_request.target.indexOf('?');
    m_request.path = question < 0 ? m_request.target : m_request.target.left(question);
    m_request.query = question < 0 ? QByteArray() : m_request.target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(400);
            return false;
        }
        m_request.headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }

    if (!m_request.header("transfer-encoding").isEmpty()) {
        refuse(501); // chunked request bodies: no client of ours sends them
        return false;
    }
    const QByteArray lengthText = m_request.header("content-length");
    bool valid = true;
    m_bodyLength = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&valid);
    if (!valid || m_bodyLength < 0) {
        refuse(400);
        return false;
    }
    if (m_bodyLength > kMaxBodyBytes) {
        refuse(413);
        return false;
    }
    const QByteArray connection = m_request.header("connection");
    m_keepAlive = requestLine.at(2) == "HTTP/1.1" ? !hasToken(connection, "close")
                                                  : hasToken(connection, "keep-alive");
    if (m_bodyLength > m_input.size() && hasToken(m_request.header("expect"), "100-continue"))
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    return true;
}

bool LoopbackHttpConnection::readBody() {
    if (m_input.size() < m_bodyLength)
        return false;
    m_request.body = m_input.left(m_bodyLength);
    m_input.remove(0, m_bodyLength);
    m_state = State::Responding;
    return true;
}

void LoopbackHttpConnection::begin(HttpServerResponse response, bool forceClose) {
    m_state = State::Responding;
    m_response = std::move(response);
    if (m_response.silence) {
        m_state = State::Ignoring;
        return;
    }
    bool closeAsked = false;
    for (const auto &h : m_response.headers)
        closeAsked =
            closeAsked || (h.first.toLower() == "connection" && hasToken(h.second, "close"));
    m_closeAfter = forceClose || closeAsked || !m_keepAlive || m_response.closeDelimited;

    const qint64 actual = m_response.body.size() + std::max<qint64>(0, m_response.fillerBytes);
    m_toSend = isBodyless(m_response.status, m_request.method) ? 0 : actual;
    if (m_response.declaredLength >= 0)
        m_toSend = std::min(m_toSend, m_response.declaredLength);
    m_sent = 0;
    if (m_response.filler.isEmpty())
        m_response.filler = QByteArrayLiteral("x");
    m_fillerBlock.clear();
    if (m_response.fillerBytes > 0) {
        while (m_fillerBlock.size() < kPieceBytes + m_response.filler.size())
            m_fillerBlock += m_response.filler;
    }
    const auto start = [this] {
        sendHead();
        pump();
    };
    if (m_response.delayMs > 0)
        QTimer::singleShot(m_response.delayMs, this, start);
    else
        start();
}

void LoopbackHttpConnection::sendHead() {
    const int status = m_response.status;
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : m_response.headers) {
        const QByteArray lower = name.toLower();
        if (lower != "content-length" && lower != "connection")
            head += name + ": " + value + "\r\n";
    }
    if (!m_response.closeDelimited && !(status < 200 || status == 204 || status == 304)) {
        const qint64 actual = m_response.body.size() + std::max<qint64>(0, m_response.fillerBytes);
        const qint64 length = m_response.declaredLength >= 0 ? m_response.declaredLength : actual;
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    }
    head += m_closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    m_socket->write(head);
}

void LoopbackHttpConnection::pump() {
    if (m_state != State::Responding || m_pausing || m_resetting)
        return;
    const qint64 limit = m_response.resetMidBody ? m_toSend / 2 : m_toSend;
    const bool slow = m_response.chunkDelayMs > 0;
    const qint64 piece =
        slow ? std::clamp<qint64>(m_response.chunkBytes, 1, kPieceBytes) : kPieceBytes;
    while (m_sent < limit && m_socket->bytesToWrite() < kHighWaterBytes) {
        const qint64 n = std::min(piece, limit - m_sent);
        m_socket->write(bodySlice(m_sent, n));
        m_sent += n;
        if (slow && m_sent < limit) {
            m_pausing = true;
            QTimer::singleShot(m_response.chunkDelayMs, this, [this] {
                m_pausing = false;
                pump();
            });
            return;
        }
    }
    if (m_sent < limit)
        return; // more when the socket drains (bytesWritten)
    if (m_response.resetMidBody) {
        m_resetting = true;
        resetWhenDrained();
        return;
    }
    responseWritten();
}

void LoopbackHttpConnection::responseWritten() {
    const qint64 actual = m_response.body.size() + std::max<qint64>(0, m_response.fillerBytes);
    if (!isBodyless(m_response.status, m_request.method) && m_response.declaredLength > actual) {
        m_state = State::Ignoring; // promised more than we have: let the client wait
        return;
    }
    if (m_closeAfter) {
        m_state = State::Closing;
        m_socket->disconnectFromHost(); // after the buffered bytes are written
        return;
    }
    m_state = State::Head;
    m_request = HttpServerRequest();
    m_response = HttpServerResponse();
    m_fillerBlock.clear();
    if (!m_input.isEmpty()) // a pipelined request is already here
        QTimer::singleShot(0, this, &LoopbackHttpConnection::processInput);
}

void LoopbackHttpConnection::refuse(int status) {
    begin(HttpServerResponse::text(reasonPhrase(status) + '\n', status), true);
}

void LoopbackHttpConnection::resetWhenDrained() {
    if (m_socket->bytesToWrite() > 0 || m_state == State::Closing)
        return;
    m_state = State::Closing;
    QTimer::singleShot(kResetGraceMs, this, &LoopbackHttpConnection::resetConnection);
}

void LoopbackHttpConnection::resetConnection() {
#ifdef Q_OS_UNIX
    // Linger 0: close() sends a RST instead of an orderly FIN, as a crashing peer would.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd != -1) {
        const linger hard{1, 0};
        setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
#endif
    m_state = State::Closing;
    m_socket->abort();
    deleteLater();
}

QByteArray LoopbackHttpConnection::bodySlice(qint64 offset, qint64 length) const {
    QByteArray out;
    out.reserve(static_cast<qsizetype>(length));
    const qint64 bodySize = m_response.body.size();
    if (offset < bodySize) {
        const qint64 n = std::min(length, bodySize - offset);
        out.append(m_response.body.constData() + offset, static_cast<qsizetype>(n));
        offset += n;
        length -= n;
    }
    if (length > 0) {
        // m_fillerBlock holds at least kPieceBytes past any phase, so one append suffices.
        const qint64 phase = (offset - bodySize) % m_response.filler.size();
        out.append(m_fillerBlock.constData() + phase, static_cast<qsizetype>(length));
    }
    return out;
}
