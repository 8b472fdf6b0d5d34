internal import CGit2

/// What libgit2 reports through its C callbacks during one connection and push, collected in a
/// class so the callbacks (plain C function pointers that cannot capture) reach it through the
/// `payload` pointer. The owner keeps it alive for as long as the connection is open.
final class PushCallbacks {
    /// A reference update libgit2 is about to send, as the push negotiation callback saw it.
    struct Update: Equatable {
        let reference: String
        let old: ObjectID?
        let new: ObjectID?
    }

    /// The remote reference the push is about to update and the value it must still have there.
    /// libgit2 takes the old value from the remote's advertisement; a smart server then applies the
    /// update only if the reference still holds it, so checking it here makes the push a
    /// compare-and-swap on the server.
    var guarded: (reference: String, old: ObjectID?)?
    /// Set when the negotiation callback found `guarded` at another value and stopped the push.
    private(set) var unexpected: Update?
    /// Per-reference rejections reported by the remote (reference name, the remote's reason).
    private(set) var rejections: [(reference: String, reason: String)] = []
    private var credentialAttempts = 0

    /// A `git_remote_callbacks` value whose payload points at this object. It is valid only while
    /// this object is alive.
    func make() throws -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        try Libgit2.check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.push_negotiation = { updates, count, payload in
            guard let payload else { return 0 }
            return Unmanaged<PushCallbacks>.fromOpaque(payload).takeUnretainedValue().negotiate(updates, count)
        }
        callbacks.push_update_reference = { reference, status, payload in
            // A nil status means the remote accepted this reference.
            guard let payload, let status else { return 0 }
            let name = reference.map { String(cString: $0) } ?? "(unnamed reference)"
            Unmanaged<PushCallbacks>.fromOpaque(payload).takeUnretainedValue()
                .rejections.append((name, String(cString: status)))
            return 0
        }
        callbacks.credentials = { credential, _, username, allowedTypes, payload in
            guard let payload else { return GIT_PASSTHROUGH.rawValue }
            return Unmanaged<PushCallbacks>.fromOpaque(payload).takeUnretainedValue()
                .credentials(credential, username, allowedTypes)
        }
        return callbacks
    }

    private func negotiate(_ updates: UnsafeMutablePointer<UnsafePointer<git_push_update>?>?, _ count: Int) -> Int32 {
        guard let guarded, let updates else { return 0 }
        for index in 0..<count {
            guard let update = updates[index]?.pointee, let destination = update.dst_refname else { continue }
            let reference = String(cString: destination)
            guard reference == guarded.reference else { continue }
            let old = ObjectID(nonZero: update.src)
            if old != guarded.old {
                unexpected = Update(reference: reference, old: old, new: ObjectID(nonZero: update.dst))
                git_error_set_str(Int32(GIT_ERROR_REFERENCE.rawValue), "\(reference) is not at the expected commit")
                return GIT_EMODIFIED.rawValue
            }
        }
        return 0
    }

    /// SSH remotes authenticate through a running ssh-agent, once; anything else (HTTPS user and
    /// password, key files) is left to libgit2's defaults, which is to fail with its own message.
    private func credentials(_ credential: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ username: UnsafePointer<CChar>?,
                             _ allowedTypes: UInt32) -> Int32 {
        credentialAttempts += 1
        // libgit2 asks again after a refused credential; offering the same agent again would loop.
        guard credentialAttempts == 1, allowedTypes & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 else {
            return GIT_PASSTHROUGH.rawValue
        }
        guard let username else { return git_credential_ssh_key_from_agent(credential, "git") }
        return git_credential_ssh_key_from_agent(credential, username)
    }
}
