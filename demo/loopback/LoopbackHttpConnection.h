// SPDX-License-Identifier: MIT
// One accepted connection of LoopbackHttpServer: parses requests one after the other
// (keep-alive), asks the handler, and writes the answer, misbehaving when told to. Lives and
// dies on the server thread; internal to LoopbackHttpServer.
#pragma once

#include "demo/loopback/LoopbackHttpServer.h"

#include <QObject>

class QTcpSocket;

class LoopbackHttpConnection final : public QObject {
    Q_DISABLE_COPY_MOVE(LoopbackHttpConnection)
public:
    using Serve = std::function<HttpServerResponse(const HttpServerRequest &)>;

    // Takes ownership of `socket`; deletes itself when the peer goes away.
    LoopbackHttpConnection(QTcpSocket *socket, Serve serve, QObject *parent);
    ~LoopbackHttpConnection() override;

private:
    enum class State {
        Head,       // waiting for a request line and headers
        Body,       // waiting for Content-Length bytes of body
        Responding, // the handler's answer is being written
        Ignoring,   // silence or a lie: keep the connection, answer nothing more
        Closing,
    };

    void processInput();
    bool readHead();
    bool readBody();
    void begin(HttpServerResponse response, bool forceClose);
    void sendHead();
    void pump();
    void responseWritten();
    void refuse(int status); // answers with an error status and closes
    void resetWhenDrained();
    void resetConnection();
    QByteArray bodySlice(qint64 offset, qint64 length) const;

    QTcpSocket *m_socket;
    Serve m_serve;
    State m_state = State::Head;
    QByteArray m_input;

    HttpServerRequest m_request;
    qint64 m_bodyLength = 0;
    bool m_keepAlive = true;
    bool m_continueSent = false;

    HttpServerResponse m_response;
    QByteArray m_fillerBlock; // filler repeated to at least one write's worth
    qint64 m_toSend = 0;      // body bytes this response will write
    qint64 m_sent = 0;
    bool m_pausing = false;   // between two slow chunks
    bool m_resetting = false; // waiting for the half body to drain before the reset
    bool m_closeAfter = false;
};
