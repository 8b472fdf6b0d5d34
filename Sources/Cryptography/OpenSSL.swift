internal import COpenSSL

/// Return-code checks for libcrypto calls, with OpenSSL's error queue turned into the message.
enum OpenSSL {
    /// libcrypto's convention: 1 is success; anything else is failure.
    static func check(_ result: Int32, _ function: String) throws {
        guard result == 1 else { throw failure(function) }
    }

    static func failure(_ function: String, kind: CryptoError.Kind = .library) -> CryptoError {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return CryptoError(kind: kind, function: function,
                           message: messages.isEmpty ? "no message from OpenSSL" : messages.joined(separator: "; "))
    }
}
