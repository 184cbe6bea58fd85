// The edge's Entra ID app registration (Microsoft Graph Bicep extension, see infra/bicepconfig.json):
// - delegated scope `mcp.tools` (what MCP clients ask for), v2 access tokens;
// - app roles Edge.Admin (users: tool approval, server registry), Edge.Exchange and Edge.Screen
//   (workloads: token exchange and screening), the last two assigned to API Management's identity;
// - a federated identity credential that lets the Function app's user-assigned identity act as the
//   app (client assertion for On-Behalf-Of, no client secret);
// - its service principal.
// identifierUris (api://<appId> can't reference the app's own appId here), preauthorized clients,
// requiredResourceAccess and the admin-consent grants are set by entra-app-finish.bicep in a second step.

extension microsoftGraphV1

@description('Immutable unique name of the app registration (the idempotency key of the Graph extension).')
param appUniqueName string

@description('Display name of the app registration.')
param appDisplayName string

@description('Object (principal) id of the Function app\'s user-assigned identity (subject of the federated credential).')
param functionIdentityPrincipalId string

@description('Object (principal) id of API Management\'s identity; it receives Edge.Exchange and Edge.Screen.')
param apimIdentityPrincipalId string

@description('Object ids of users or groups that receive Edge.Admin (tool approval, server registry).')
param adminPrincipalIds string[] = []

@description('When true, only users and groups assigned to the app can get a token for it.')
param requireUserAssignment bool = false

// Audience of the token a managed identity presents as a federated credential, per cloud.
var ficAudiences = {
  AzureCloud: 'api://AzureADTokenExchange'
  AzureUSGovernment: 'api://AzureADTokenExchangeUSGov'
  AzureChinaCloud: 'api://AzureADTokenExchangeChina'
}
var ficAudience = ficAudiences[?environment().name] ?? 'api://AzureADTokenExchange'
var issuer = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'

// Stable ids, so that redeployments update rather than replace scopes and roles.
var mcpToolsScopeId = guid(appUniqueName, 'scope', 'mcp.tools')
var roleIds = {
  admin: guid(appUniqueName, 'role', 'Edge.Admin')
  exchange: guid(appUniqueName, 'role', 'Edge.Exchange')
  screen: guid(appUniqueName, 'role', 'Edge.Screen')
}

var apiDefinition = {
  requestedAccessTokenVersion: 2
  oauth2PermissionScopes: [
    {
      id: mcpToolsScopeId
      value: 'mcp.tools'
      type: 'User'
      isEnabled: true
      adminConsentDisplayName: 'Use MCP tools through MCP Security Edge'
      adminConsentDescription: 'Allows the app to call MCP servers behind MCP Security Edge on behalf of the signed-in user.'
      userConsentDisplayName: 'Use MCP tools on your behalf'
      userConsentDescription: 'Allows the app to call MCP servers behind MCP Security Edge on your behalf.'
    }
  ]
}

var appRoles = [
  {
    id: roleIds.admin
    value: 'Edge.Admin'
    displayName: 'Edge administrator'
    description: 'Approves MCP servers and their tool definitions.'
    allowedMemberTypes: [
      'User'
    ]
    isEnabled: true
  }
  {
    id: roleIds.exchange
    value: 'Edge.Exchange'
    displayName: 'Token exchange client'
    description: 'Workloads (API Management, MCP servers) that may exchange user tokens at /api/token-exchange.'
    allowedMemberTypes: [
      'Application'
    ]
    isEnabled: true
  }
  {
    id: roleIds.screen
    value: 'Edge.Screen'
    displayName: 'Screening client'
    description: 'Workloads that may call /api/screen and /api/servers/{id}/tools/verify with an app-only token.'
    allowedMemberTypes: [
      'Application'
    ]
    isEnabled: true
  }
]

resource edgeApp 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: appUniqueName
  displayName: appDisplayName
  signInAudience: 'AzureADMyOrg'
  api: apiDefinition
  appRoles: appRoles

  resource functionIdentityCredential 'federatedIdentityCredentials@v1.0' = {
    name: '${appUniqueName}/edge-function-identity'
    description: 'The Function app\'s user-assigned managed identity acts as this app (On-Behalf-Of without a secret).'
    audiences: [
      ficAudience
    ]
    issuer: issuer
    subject: functionIdentityPrincipalId
  }
}

resource edgeServicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: edgeApp.appId
  appRoleAssignmentRequired: requireUserAssignment
}

resource apimExchangeRole 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  principalId: apimIdentityPrincipalId
  resourceId: edgeServicePrincipal.id
  appRoleId: roleIds.exchange
}

resource apimScreenRole 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  principalId: apimIdentityPrincipalId
  resourceId: edgeServicePrincipal.id
  appRoleId: roleIds.screen
}

resource adminRoles 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [
  for adminId in adminPrincipalIds: {
    principalId: adminId
    resourceId: edgeServicePrincipal.id
    appRoleId: roleIds.admin
  }
]

@description('Application (client) id of the edge app (EDGE_APP_CLIENT_ID).')
output appId string = edgeApp.appId

@description('Object id of the edge app\'s service principal.')
output servicePrincipalId string = edgeServicePrincipal.id

@description('The api block declared here, reused unchanged by entra-app-finish.bicep.')
output apiDefinition object = apiDefinition

@description('Id of the mcp.tools delegated scope.')
output mcpToolsScopeId string = mcpToolsScopeId
