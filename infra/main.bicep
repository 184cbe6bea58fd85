// MCP Security Edge - everything `azd up` provisions (subscription scope: azd creates the resource group).
//
//   identities ─┬─> monitoring, storage, keyvault, content-safety (roles for the Function identity)
//               ├─> entra-app (app registration, service principal, app roles, federated credential)
//               │     └─> entra-app-finish (identifier URIs, preauthorized clients, OBO consent)
//               └─> function-app (Flex Consumption, Node 22) ─> function-key-secret ─> apim
//
// No key, password or connection string is declared anywhere: every client authenticates with Entra ID
// (managed identities + RBAC); the one shared secret, the Functions host key that APIM sends, is copied
// by the platform into Key Vault and read by APIM through a Key Vault-backed named value.

targetScope = 'subscription'

import { mcpServer, oboPermission } from 'modules/types.bicep'

@description('Name of the azd environment; used in resource names and tags.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource except Content Safety (Flex Consumption must be offered there).')
@minLength(1)
param location string

@description('Object id of the principal running azd (AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer for the post-provision hook.')
param principalId string = ''

@description('Type of that principal: User interactively, ServicePrincipal in CI.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Region of the Content Safety account: one where Prompt Shields is available.')
param contentSafetyLocation string = location

@description('Content Safety pricing tier.')
@allowed([
  'S0'
  'F0'
])
param contentSafetySku string = 'S0'

@description('API Management tier (a v2 tier by default).')
@allowed([
  'BasicV2'
  'StandardV2'
  'PremiumV2'
  'Developer'
  'Basic'
  'Standard'
  'Premium'
])
param apimSku string = 'BasicV2'

@description('E-mail address of the API Management publisher.')
param apimPublisherEmail string

@description('Organization name of the API Management publisher.')
param apimPublisherName string = 'MCP Security Edge'

@description('MCP servers to put behind API Management, e.g. [{ "id": "weather", "baseUrl": "https://weather.contoso.example", "path": "/mcp" }].')
param mcpServers mcpServer[] = []

@description('Custom domain for the gateway (e.g. mcp.contoso.com), verified in the Entra tenant. Without it, Entra rejects the MCP URL as `resource` (AADSTS9010010). See infra/README.md.')
param customDomainHost string = ''

@description('Name of the custom domain\'s certificate secret in the edge\'s Key Vault (import it after the first provisioning).')
param customDomainCertificateSecretName string = ''

@description('Extra EDGE_RESOURCES entries (e.g. an OBO resource), merged over those generated for mcpServers.')
param edgeResources object = {}

@description('Delegated permissions of downstream APIs the edge calls On-Behalf-Of users (requiredResourceAccess + admin consent).')
param oboPermissions oboPermission[] = []

@description('Client ids of MCP client apps preauthorized for the mcp.tools scope.')
param preAuthorizedClientAppIds string[] = []

@description('Object ids of users or groups that get the Edge.Admin app role.')
param edgeAdminPrincipalIds string[] = []

@description('When true, only users and groups assigned to the edge app can sign in to it.')
param requireUserAssignment bool = false

@description('EDGE_TRUSTED_ISSUERS: comma-separated extra OIDC issuers; empty trusts only the Entra tenant.')
param trustedIssuers string = ''

@description('EDGE_ROLE_ISSUERS: comma-separated issuers whose app roles count; empty means the tenant\'s issuers.')
param roleIssuers string = ''

@description('EDGE_SIGNING_KEY_SECRET: name of the Key Vault secret holding the edge\'s signing key (created by `npm run keys:rotate`).')
param signingKeySecretName string = 'edge-signing-key'

@description('Name of the Key Vault secret holding the Functions host key that APIM sends.')
param functionKeySecretName string = 'edge-functions-key'

@description('EDGE_MAX_BODY_BYTES: largest request body, in bytes; APIM enforces the same limit.')
param maxBodyBytes int = 1048576

@description('EDGE_SCREEN_POLICY: screening verdict policy; empty means the edge\'s documented default.')
param screenPolicy string = ''

@description('EDGE_SCREEN_FAIL_MODE: closed (block when Content Safety does not answer) or local-fallback.')
@allowed([
  'closed'
  'local-fallback'
])
param screenFailMode string = 'closed'

@description('EDGE_SESSION_IDLE_SECONDS: idle timeout of an edge session.')
param sessionIdleSeconds int = 1800

@description('EDGE_SESSION_LIFETIME_SECONDS: absolute lifetime of an edge session.')
param sessionLifetimeSeconds int = 28800

@description('EDGE_SESSION_MAX_PER_USER: active sessions per user before the oldest is revoked.')
param sessionMaxPerUser int = 20

@description('EDGE_SESSION_SLIDE_INTERVAL_SECONDS: a validated session\'s idle expiry is written at most this often.')
param sessionSlideIntervalSeconds int = 60

@description('EDGE_SESSION_ROTATE_GRACE_SECONDS: how long a rotated-away session id stays valid for in-flight requests.')
param sessionRotateGraceSeconds int = 0

@description('EDGE_LOG_LEVEL: info writes audit events to stdout too; silent writes none there.')
@allowed([
  'info'
  'silent'
])
param logLevel string = 'info'

@description('MCP calls per user per rate-limit period at API Management.')
param rateLimitCalls int = 120

@description('Rate-limit period in seconds (at most 300).')
param rateLimitPeriodSeconds int = 60

// The tables the edge uses, named in this one place.
var edgeTableNames = [
  'sessions'
  'servers'
  'tools'
]

// Must equal the service name in azure.yaml.
var azdServiceName = 'edge'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'mcp-security-edge'
}
var appUniqueName = 'mcp-security-edge-${environmentName}-${resourceToken}'
var appDisplayName = 'MCP Security Edge (${environmentName})'

// With a custom domain, each MCP server's public URL becomes an identifier URI of the edge app.
var customDomainIdentifierUris = empty(customDomainHost)
  ? []
  : map(mcpServers, server => 'https://${customDomainHost}/${server.id}${server.path == '/' ? '' : server.path}')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identities 'modules/identities.bicep' = {
  name: 'identities'
  scope: rg
  params: {
    location: location
    tags: tags
    functionIdentityName: 'id-edge-func-${resourceToken}'
    apimIdentityName: 'id-edge-apim-${resourceToken}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-edge-${resourceToken}'
    applicationInsightsName: 'appi-edge-${resourceToken}'
    functionIdentityPrincipalId: identities.outputs.functionIdentityPrincipalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    storageAccountName: 'stedge${resourceToken}'
    deploymentContainerName: 'app-package'
    tableNames: edgeTableNames
    functionIdentityPrincipalId: identities.outputs.functionIdentityPrincipalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    keyVaultName: 'kv-edge-${resourceToken}'
    functionIdentityPrincipalId: identities.outputs.functionIdentityPrincipalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module contentSafety 'modules/content-safety.bicep' = {
  name: 'content-safety'
  scope: rg
  params: {
    location: contentSafetyLocation
    tags: tags
    contentSafetyName: 'cs-edge-${resourceToken}'
    skuName: contentSafetySku
    functionIdentityPrincipalId: identities.outputs.functionIdentityPrincipalId
  }
}

module entraApp 'modules/entra-app.bicep' = {
  name: 'entra-app'
  scope: rg
  params: {
    appUniqueName: appUniqueName
    appDisplayName: appDisplayName
    functionIdentityPrincipalId: identities.outputs.functionIdentityPrincipalId
    apimIdentityPrincipalId: identities.outputs.apimIdentityPrincipalId
    adminPrincipalIds: edgeAdminPrincipalIds
    requireUserAssignment: requireUserAssignment
  }
}

module entraAppFinish 'modules/entra-app-finish.bicep' = {
  name: 'entra-app-finish'
  scope: rg
  params: {
    appUniqueName: appUniqueName
    appDisplayName: appDisplayName
    appId: entraApp.outputs.appId
    servicePrincipalId: entraApp.outputs.servicePrincipalId
    apiDefinition: entraApp.outputs.apiDefinition
    mcpToolsScopeId: entraApp.outputs.mcpToolsScopeId
    extraIdentifierUris: customDomainIdentifierUris
    preAuthorizedClientAppIds: preAuthorizedClientAppIds
    oboPermissions: oboPermissions
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    location: location
    tags: tags
    azdServiceName: azdServiceName
    planName: 'plan-edge-${resourceToken}'
    functionAppName: 'func-edge-${resourceToken}'
    functionIdentityId: identities.outputs.functionIdentityId
    functionIdentityClientId: identities.outputs.functionIdentityClientId
    storageAccountName: storage.outputs.storageAccountName
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    tablesEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUrl: keyVault.outputs.keyVaultUrl
    signingKeySecretName: signingKeySecretName
    contentSafetyEndpoint: contentSafety.outputs.endpoint
    edgeAppClientId: entraApp.outputs.appId
    apimIdentityClientId: identities.outputs.apimIdentityClientId
    mcpServers: mcpServers
    edgeResources: edgeResources
    trustedIssuers: trustedIssuers
    roleIssuers: roleIssuers
    maxBodyBytes: maxBodyBytes
    screenPolicy: screenPolicy
    screenFailMode: screenFailMode
    sessionIdleSeconds: sessionIdleSeconds
    sessionLifetimeSeconds: sessionLifetimeSeconds
    sessionMaxPerUser: sessionMaxPerUser
    sessionSlideIntervalSeconds: sessionSlideIntervalSeconds
    sessionRotateGraceSeconds: sessionRotateGraceSeconds
    logLevel: logLevel
  }
}

module functionKeySecret 'modules/function-key-secret.bicep' = {
  name: 'function-key-secret'
  scope: rg
  params: {
    functionAppName: functionApp.outputs.functionAppName
    keyVaultName: keyVault.outputs.keyVaultName
    secretName: functionKeySecretName
    apimIdentityPrincipalId: identities.outputs.apimIdentityPrincipalId
  }
}

module apim 'modules/apim.bicep' = {
  name: 'apim'
  scope: rg
  params: {
    location: location
    tags: tags
    apimName: 'apim-edge-${resourceToken}'
    skuName: apimSku
    publisherEmail: apimPublisherEmail
    publisherName: apimPublisherName
    apimIdentityId: identities.outputs.apimIdentityId
    apimIdentityClientId: identities.outputs.apimIdentityClientId
    apimIdentityPrincipalId: identities.outputs.apimIdentityPrincipalId
    edgeAppClientId: entraApp.outputs.appId
    edgeIdentifierUri: entraAppFinish.outputs.primaryIdentifierUri
    edgeBaseUrl: functionApp.outputs.publicUrl
    functionKeySecretUri: functionKeySecret.outputs.secretUri
    mcpServers: mcpServers
    customDomainHost: customDomainHost
    customDomainCertificateSecretName: customDomainCertificateSecretName
    keyVaultName: keyVault.outputs.keyVaultName
    rateLimitCalls: rateLimitCalls
    rateLimitPeriodSeconds: rateLimitPeriodSeconds
    maxBodyBytes: maxBodyBytes
  }
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Entra tenant id (AZURE_TENANT_ID on the app).')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group that holds the edge.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Client id of the Function app\'s user-assigned identity (the app\'s AZURE_CLIENT_ID). Not named AZURE_CLIENT_ID here so that azd hooks and credential chains on the deploying machine don\'t pick it up.')
output EDGE_IDENTITY_CLIENT_ID string = identities.outputs.functionIdentityClientId

@description('Application (client) id of the edge app registration (EDGE_APP_CLIENT_ID).')
output EDGE_APP_CLIENT_ID string = entraApp.outputs.appId

@description('Primary identifier URI of the edge app; MCP clients request <this>/mcp.tools.')
output EDGE_APP_IDENTIFIER_URI string = entraAppFinish.outputs.primaryIdentifierUri

@description('Public https URL of the edge (Function app).')
output EDGE_PUBLIC_URL string = functionApp.outputs.publicUrl

@description('Name of the Function app.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.functionAppName

@description('Gateway URL of API Management.')
output APIM_GATEWAY_URL string = apim.outputs.gatewayUrl

@description('Base URL MCP clients use: the custom domain if set, else the gateway URL.')
output MCP_PUBLIC_BASE_URL string = apim.outputs.publicBaseUrl

@description('URL of the Key Vault (used by the post-provision hook).')
output KEY_VAULT_URL string = keyVault.outputs.keyVaultUrl

@description('Name of the signing-key secret (used by the post-provision hook).')
output EDGE_SIGNING_KEY_SECRET string = signingKeySecretName

@description('Name of the Application Insights component (audit events are customEvents there).')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
