// SPDX-License-Identifier: Apache-2.0
#include "certificate_generator.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace helios::server {

namespace {

// RAII for libcrypto objects, so every early return frees what was made.
struct BioFree { void operator()(BIO *p) const { BIO_free(p); } };
struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct BnFree { void operator()(BIGNUM *p) const { BN_free(p); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

QString opensslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = "unknown error";
    if (code)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(QLatin1StringView(what), QString::fromLatin1(text));
}

BioPtr memoryBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

X509Ptr readCertificate(const QByteArray &pem)
{
    BioPtr bio = memoryBio(pem);
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

PkeyPtr readKey(const QByteArray &pem)
{
    BioPtr bio = memoryBio(pem);
    // An empty passphrase: encrypted keys fail instead of prompting on the terminal.
    static char empty[] = "";
    return PkeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, empty) : nullptr);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const QByteArray &value)
{
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

} // namespace

bool CertificateGenerator::keyMatches(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    X509Ptr cert = readCertificate(certificatePem);
    PkeyPtr key = readKey(keyPem);
    const bool ok = cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    return ok;
}

Result<CertificateGenerator::Pem> CertificateGenerator::generate(const Spec &spec)
{
    const QString context = QStringLiteral("certificate for %1").arg(spec.commonName);
    X509Ptr issuerCert;
    PkeyPtr issuerKey;
    if (!spec.issuerCertificatePem.isEmpty() || !spec.issuerKeyPem.isEmpty()) {
        issuerCert = readCertificate(spec.issuerCertificatePem);
        issuerKey = readKey(spec.issuerKeyPem);
        if (!issuerCert || !issuerKey)
            return makeError(ErrorCode::InvalidArgument, opensslError("unreadable issuer certificate or key"), context);
    }

    PkeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert)
        return makeError(ErrorCode::Internal, opensslError("EC P-256 key generation failed"), context);

    // A random 127-bit serial: two certificates from this generator never share one.
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) {
        return makeError(ErrorCode::Internal, opensslError("serial number"), context);
    }
    X509_set_version(cert.get(), 2); // v3: extensions
    // Backdated a minute so a client whose clock is slightly behind accepts it at once.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(spec.validDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());

    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = spec.commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert.get()) : name);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuerCert ? issuerCert.get() : cert.get(), cert.get(), nullptr, nullptr, 0);
    QByteArray sans;
    for (const QString &dns : spec.dnsNames)
        sans += (sans.isEmpty() ? "" : ",") + QByteArray("DNS:") + dns.toUtf8();
    for (const QHostAddress &ip : spec.ipAddresses)
        sans += (sans.isEmpty() ? "" : ",") + QByteArray("IP:") + ip.toString().toLatin1();
    bool ok = addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    if (spec.certificateAuthority) {
        ok = ok && addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE");
        ok = ok && addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    } else {
        ok = ok && addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature,keyAgreement");
        ok = ok && addExtension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth");
    }
    if (issuerCert)
        ok = ok && addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always");
    if (!sans.isEmpty())
        ok = ok && addExtension(cert.get(), &ctx, NID_subject_alt_name, sans);
    if (!ok)
        return makeError(ErrorCode::Internal, opensslError("certificate extensions"), context);

    if (X509_sign(cert.get(), issuerKey ? issuerKey.get() : key.get(), EVP_sha256()) <= 0)
        return makeError(ErrorCode::Internal, opensslError("signing"), context);

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return makeError(ErrorCode::Internal, opensslError("PEM encoding"), context);
    }
    return Pem{bioBytes(certBio.get()), bioBytes(keyBio.get())};
}

} // namespace helios::server
