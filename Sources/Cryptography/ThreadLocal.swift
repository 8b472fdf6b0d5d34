#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One object per thread in a `pthread` key: each thread sees only its own, which the slot keeps
/// retained until the thread exits or it is replaced.
struct ThreadLocal<Value: AnyObject>: Sendable {
    private let key: pthread_key_t

    init() {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { object in
            guard let object else { return }
            Unmanaged<AnyObject>.fromOpaque(object).release()
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        self.key = key
    }

    /// This thread's object, if it has one.
    var value: Value? {
        guard let object = pthread_getspecific(key) else { return nil }
        return Unmanaged<Value>.fromOpaque(object).takeUnretainedValue()
    }

    /// Makes `value` this thread's object (nil: none), releasing the one it replaces.
    func set(_ value: Value?) throws {
        let old = pthread_getspecific(key)
        let new = value.map { Unmanaged.passRetained($0 as AnyObject).toOpaque() }
        guard pthread_setspecific(key, new) == 0 else {
            if let new { Unmanaged<AnyObject>.fromOpaque(new).release() }
            throw CryptoError(kind: .library, function: "pthread_setspecific", message: "cannot keep a per-thread object")
        }
        if let old { Unmanaged<AnyObject>.fromOpaque(old).release() }
    }
}
