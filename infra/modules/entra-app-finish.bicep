// Second step of the edge's app registration (same uniqueName as entra-app.bicep, so the Graph
// extension updates the same application):
// - identifierUris: api://<appId> and, with a custom domain, the public URL of every MCP server.
//   Entra rejects an RFC 8707 `resource` that is not an identifier URI of the app (AADSTS9010010),
//   and an https identifier URI must be on a domain verified in the tenant, which *.azure-api.net
//   never is: without a custom domain, clients that send `resource` (as the MCP spec requires) fail.
// - preauthorized clients for mcp.tools;
// - requiredResourceAccess for the downstream APIs the edge calls On-Behalf-Of, with tenant-wide
//   admin consent (oauth2PermissionGrants, consentType AllPrincipals): the middle tier can't prompt.

extension microsoftGraphV1

import { oboPermission } from 'types.bicep'

@description('Unique name of the app registration created by entra-app.bicep.')
param appUniqueName string

@description('Display name of the app registration.')
param appDisplayName string

@description('Application (client) id of the app registration.')
param appId string

@description('Object id of the app\'s service principal (client of the consent grants).')
param servicePrincipalId string

@description('The api block of entra-app.bicep (scopes, token version), repeated so that the update keeps it.')
param apiDefinition object

@description('Id of the mcp.tools scope, preauthorized for the clients below.')
param mcpToolsScopeId string

@description('Extra identifier URIs: the public https URLs of the MCP servers on a custom domain verified in the tenant.')
param extraIdentifierUris string[] = []

@description('Client ids of MCP client applications preauthorized for mcp.tools (no consent prompt).')
param preAuthorizedClientAppIds string[] = []

@description('Downstream delegated permissions the edge requests On-Behalf-Of users; consent is granted for all users.')
param oboPermissions oboPermission[] = []

resource downstreamServicePrincipals 'Microsoft.Graph/servicePrincipals@v1.0' existing = [
  for permission in oboPermissions: {
    appId: permission.resourceAppId
  }
]

resource edgeApp 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: appUniqueName
  displayName: appDisplayName
  identifierUris: concat([
    'api://${appId}'
  ], extraIdentifierUris)
  api: union(apiDefinition, {
    preAuthorizedApplications: map(preAuthorizedClientAppIds, clientId => {
      appId: clientId
      delegatedPermissionIds: [
        mcpToolsScopeId
      ]
    })
  })
  requiredResourceAccess: map(oboPermissions, permission => {
    resourceAppId: permission.resourceAppId
    resourceAccess: map(permission.scopes, delegated => {
      id: delegated.id
      type: 'Scope'
    })
  })
}

resource oboConsent 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = [
  for (permission, i) in oboPermissions: {
    clientId: servicePrincipalId
    resourceId: downstreamServicePrincipals[i].id
    consentType: 'AllPrincipals'
    scope: join(map(permission.scopes, delegated => delegated.value), ' ')
  }
]

@description('Identifier URIs of the app.')
output identifierUris string[] = edgeApp.identifierUris

@description('Primary identifier URI, api://<appId>.')
output primaryIdentifierUri string = 'api://${appId}'
