// SPDX-License-Identifier: Apache-2.0
#include "core/sha256.h"

#include <openssl/evp.h>

namespace helios {

namespace {

EVP_MD_CTX *context(void *p) { return static_cast<EVP_MD_CTX *>(p); }

} // namespace

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    // Only allocation can fail here; a process out of memory has no better answer.
    EVP_DigestInit_ex(context(m_context), EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(context(m_context)); }

void Sha256::add(QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        EVP_DigestUpdate(context(m_context), bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(context(m_context), reinterpret_cast<unsigned char *>(digest.data()), &length);
    digest.resize(length);
    EVP_DigestInit_ex(context(m_context), EVP_sha256(), nullptr);
    return digest;
}

QByteArray Sha256::hash(QByteArrayView bytes)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(),
               nullptr);
    return digest;
}

} // namespace helios
