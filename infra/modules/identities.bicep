// User-assigned managed identities: one for the Function app, one for API Management.
// Only a user-assigned identity can be a federated identity credential of an app registration
// (On-Behalf-Of without a client secret), and a user-assigned identity for APIM exists before
// APIM itself, so its Key Vault access has propagated by the time APIM resolves named values.

@description('Azure region of the identities.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Function app\'s user-assigned identity.')
param functionIdentityName string

@description('Name of API Management\'s user-assigned identity.')
param apimIdentityName string

resource functionIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: functionIdentityName
  location: location
  tags: tags
}

resource apimIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: apimIdentityName
  location: location
  tags: tags
}

@description('Resource id of the Function app identity.')
output functionIdentityId string = functionIdentity.id

@description('Client id of the Function app identity (AZURE_CLIENT_ID).')
output functionIdentityClientId string = functionIdentity.properties.clientId

@description('Object (principal) id of the Function app identity.')
output functionIdentityPrincipalId string = functionIdentity.properties.principalId

@description('Resource id of the APIM identity.')
output apimIdentityId string = apimIdentity.id

@description('Client id of the APIM identity.')
output apimIdentityClientId string = apimIdentity.properties.clientId

@description('Object (principal) id of the APIM identity.')
output apimIdentityPrincipalId string = apimIdentity.properties.principalId
