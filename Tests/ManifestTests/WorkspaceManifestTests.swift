import Domain
import Foundation
import Manifest
import Testing

/// A client is an OpenRouter workspace: its slug, name and description, and its budgets, checked
/// the way OpenRouter checks them, every refusal at its `file:line:col`.
@Suite("client workspaces and budgets in manifests")
struct WorkspaceManifestTests {
    let now = try! ManifestDate.parse("2026-11-22T09:00:00Z")

    func load(_ client: String) -> ManifestLoader.Result {
        ManifestLoader.load(sources: [(file: "clients.yaml", text: "clients:\n" + client)], now: now)
    }

    func errors(_ client: String) -> [String] {
        load(client).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test("by default the workspace's slug is the client id, its name the client's, and monthly_cap its monthly budget")
    func defaults() throws {
        let manifest = try #require(load("""
              - { id: acme, name: Acme Corporation, billing_email: b@acme.example, monthly_cap: 500 }
            """).manifest)
        let expected = WorkspaceValues(slug: "acme", name: "Acme Corporation", budgets: WorkspaceBudgets([.monthly: USD(decimal: "500")!]))
        #expect(manifest.clients.first?.workspace == .own(expected, enforceBudgets: true))
    }

    @Test("a workspace mapping, other budgets, BYOK in budgets and advisory budgets are read")
    func everyField() throws {
        let manifest = try #require(load("""
              - id: acme
                name: Acme
                billing_email: b@acme.example
                monthly_cap: 500
                budgets: { daily: 20, weekly: 100, lifetime: 5000 }
                include_byok_in_budgets: true
                enforce_budgets: false
                workspace: { slug: acme-prod, name: Acme production, description: Reseller account }
            """).manifest)
        let budgets = WorkspaceBudgets([.daily: USD(decimal: "20")!, .weekly: USD(decimal: "100")!,
                                        .monthly: USD(decimal: "500")!, .lifetime: USD(decimal: "5000")!])
        let expected = WorkspaceValues(slug: "acme-prod", name: "Acme production", description: "Reseller account",
                                       includeBYOKInBudgets: true, budgets: budgets)
        #expect(manifest.clients.first?.workspace == .own(expected, enforceBudgets: false))
    }

    @Test("workspace: default keeps the keys in the default workspace, and refuses budgets there")
    func defaultWorkspace() throws {
        let manifest = try #require(load("""
              - { id: acme, name: Acme, billing_email: b@acme.example, monthly_cap: 500, workspace: default }
            """).manifest)
        #expect(manifest.clients.first?.workspace == .defaultWorkspace)
        #expect(errors("""
              - { id: acme, name: Acme, billing_email: b@acme.example, workspace: default, budgets: { daily: 5 } }
            """) == ["clients.yaml:2:89: error: budgets needs the client's own workspace, but client 'acme' uses the default workspace (workspace: default), whose budgets keyplane does not manage per client"])
    }

    @Test("budgets that do not strictly decrease as the window narrows are refused at the narrower one")
    func orderingIsChecked() {
        #expect(errors("""
              - id: acme
                name: Acme
                billing_email: b@acme.example
                monthly_cap: 500
                budgets:
                  weekly: 600
            """) == ["clients.yaml:7:15: error: budgets must strictly decrease as the window narrows (lifetime > monthly > weekly > daily), as OpenRouter requires: the weekly budget of $600.00 is not below the monthly budget of $500.00"])
        #expect(errors("""
              - { id: acme, name: Acme, billing_email: b@acme.example, budgets: { daily: 50, weekly: 50 } }
            """).count == 1)
    }

    @Test("a budget of zero is refused, as OpenRouter refuses it")
    func zeroBudget() {
        #expect(errors("""
              - { id: acme, name: Acme, billing_email: b@acme.example, budgets: { daily: 0 } }
            """) == ["clients.yaml:2:78: error: budgets.daily must be more than 0 (OpenRouter refuses a budget of 0)"])
        #expect(errors("""
              - { id: acme, name: Acme, billing_email: b@acme.example, monthly_cap: 0 }
            """).first?.contains("monthly_cap must be more than 0") == true)
    }

    @Test("slugs follow OpenRouter's rule and are unique; a client id with an underscore needs one")
    func slugs() {
        #expect(errors("""
              - { id: acme, name: Acme, billing_email: b@acme.example, workspace: { slug: Acme--Prod } }
            """).first?.contains("workspace slug 'Acme--Prod' is not valid") == true)
        #expect(errors("""
              - { id: acme_corp, name: Acme, billing_email: b@acme.example }
            """).first?.contains("client id 'acme_corp' cannot be its workspace's slug") == true)
        #expect(errors("""
              - { id: acme, name: Acme, billing_email: b@acme.example }
              - { id: globex, name: Globex, billing_email: b@globex.example, workspace: { slug: acme } }
            """).first?.contains("client 'globex' has the workspace slug 'acme', which client 'acme' already has") == true)
    }
}
