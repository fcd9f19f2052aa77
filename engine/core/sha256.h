// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace helios {

// SHA-256, incrementally, through OpenSSL's EVP interface, which uses the CPU's SHA
// instructions where it has them: about eight times the throughput of
// QCryptographicHash's portable code on the machines we build on. Every content address
// (ArtifactStore blobs, build inputs and outputs) is hashed with it.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(QByteArrayView bytes);
    // The 32-byte digest; the hasher starts over afterwards.
    QByteArray result();

    static QByteArray hash(QByteArrayView bytes);
    static QByteArray hexHash(QByteArrayView bytes) { return hash(bytes).toHex(); }

private:
    void *m_context;  // EVP_MD_CTX, kept out of this header
};

} // namespace helios
