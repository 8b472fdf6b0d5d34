#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
static inline void copenssl_free(void *p) { OPENSSL_free(p); }
