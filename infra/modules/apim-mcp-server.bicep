// One MCP server behind API Management: an API (path = server id) with POST, GET and DELETE on the
// server's MCP path, the MCP policy (infra/apim/mcp-api.xml), and its protected resource metadata
// operation (infra/apim/prm.xml) in the metadata API.

import { mcpServer } from 'types.bicep'

@description('Name of the API Management service.')
param apimName string

@description('Name of the API that serves protected resource metadata.')
param metadataApiName string

@description('The MCP server.')
param server mcpServer

@description('Public base URL of the gateway (custom domain or *.azure-api.net), without a trailing slash.')
param publicBaseUrl string

@description('Policy tokens shared by all servers (timeouts, rate limit, body limit).')
param commonPolicyTokens object

var pathSuffix = server.path == '/' ? '' : server.path
var publicUrl = '${publicBaseUrl}/${server.id}${pathSuffix}'
var metadataUrl = '${publicBaseUrl}/.well-known/oauth-protected-resource/${server.id}${pathSuffix}'

var policyTokens = union(commonPolicyTokens, {
  __MCP_SERVER_ID__: server.id
  __MCP_BACKEND_RESOURCE__: '${server.baseUrl}${server.path}'
  __MCP_PUBLIC_URL__: publicUrl
  __MCP_PRM_URL__: metadataUrl
  __MCP_ALLOW_UNSCREENED_STREAM__: (server.?allowUnscreenedStream ?? false) ? 'true' : 'false'
})

// Replace every token, XML-escaping its value (the policy files are strict XML).
var apiPolicy = reduce(
  items(policyTokens),
  loadTextContent('../apim/mcp-api.xml'),
  (xml, token) =>
    replace(
      xml,
      token.key,
      replace(replace(replace(replace(replace(string(token.value), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '\'', '&apos;')
    )
)

var metadataPolicy = reduce(
  items(policyTokens),
  loadTextContent('../apim/prm.xml'),
  (xml, token) =>
    replace(
      xml,
      token.key,
      replace(replace(replace(replace(replace(string(token.value), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '\'', '&apos;')
    )
)

resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {
  name: apimName
}

resource metadataApi 'Microsoft.ApiManagement/service/apis@2024-05-01' existing = {
  parent: apim
  name: metadataApiName
}

resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'mcp-${server.id}'
  properties: {
    displayName: 'MCP server ${server.id}'
    description: 'MCP server ${server.baseUrl}${server.path}, protected by MCP Security Edge.'
    path: server.id
    serviceUrl: server.baseUrl
    protocols: [
      'https'
    ]
    subscriptionRequired: false
    type: 'http'
  }
}

resource operations 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' = [
  for method in [
    'POST'
    'GET'
    'DELETE'
  ]: {
    parent: api
    name: 'mcp-${toLower(method)}'
    properties: {
      displayName: 'MCP ${method}'
      method: method
      urlTemplate: server.path
    }
  }
]

resource policy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  properties: {
    format: 'xml'
    value: apiPolicy
  }
}

resource metadataOperation 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' = {
  parent: metadataApi
  name: 'prm-${server.id}'
  properties: {
    displayName: 'Protected resource metadata of ${server.id}'
    method: 'GET'
    urlTemplate: '/${server.id}${pathSuffix}'
  }
}

resource metadataOperationPolicy 'Microsoft.ApiManagement/service/apis/operations/policies@2024-05-01' = {
  parent: metadataOperation
  name: 'policy'
  properties: {
    format: 'xml'
    value: metadataPolicy
  }
}

@description('Public (client-facing) URL of the MCP server: the RFC 9728 resource.')
output publicUrl string = publicUrl

@description('URL of its protected resource metadata.')
output metadataUrl string = metadataUrl
