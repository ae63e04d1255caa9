import { type AssetInput, boundary, flow, node, when } from "./diagram";
import { defineTemplate, parameter } from "./types";

/**
 * Grid (columns left to right): users and web pages | chat API, index, ingestion | orchestrator,
 * prompt, knowledge base | LLM vendor and the tool's service desk.
 */
export const ragAssistant = defineTemplate({
  id: "rag-assistant",
  name: "RAG assistant",
  description:
    "A chat assistant that answers from your documents: a chat API, an orchestrator that retrieves " +
    "passages from a vector store filled by an ingestion pipeline, a prompt template and a hosted LLM.",
  parameters: [
    parameter(
      "exposedToInternet",
      "Exposed to the internet",
      "Anonymous website visitors chat through a public endpoint, instead of signed-in employees on the corporate network.",
      true,
    ),
    parameter(
      "ingestsWebContent",
      "Ingests web content",
      "The ingestion pipeline also scrapes public web pages into the vector store.",
      false,
    ),
    parameter(
      "agentHasTools",
      "Agent has tools",
      "The orchestrator can search and create tickets in a service desk without asking the user first.",
      false,
    ),
  ],
  build: ({ exposedToInternet, ingestsWebContent, agentHasTools }) => {
    const users = exposedToInternet
      ? boundary("b-internet", "Internet", "untrusted", { col: 0, row: 0 })
      : boundary("b-corporate", "Corporate network", "internal", { col: 0, row: 0 });
    return {
      schemaVersion: 1,
      title: "RAG assistant",
      description:
        "A retrieval-augmented assistant: questions arrive at a chat API, an orchestrator retrieves " +
        "passages from a document index and asks a hosted LLM to answer from them.",
      scope: {
        purpose: exposedToInternet
          ? "Answer website visitors' product questions from the company knowledge base."
          : "Answer employees' questions from the internal knowledge base.",
        systemType: agentHasTools ? "agentic" : "llm-app",
        successCriteria:
          "Answers are grounded in retrieved passages, and no user can make the assistant reveal documents " +
          "or instructions they may not see, or act beyond their request.",
        harmDefinition:
          "The assistant leaks confidential documents, gives false or harmful answers in the company's name" +
          (agentHasTools ? ", or is steered into changing tickets nobody asked it to touch." : "."),
      },
      assumptions: [
        "The knowledge base holds no documents that every user of the assistant may not read.",
        "The LLM vendor does not train on prompts sent through the API.",
        ...when(ingestsWebContent, "The crawler only visits an allow-list of sites, which anyone may edit."),
      ],
      elements: [
        users,
        ...when(ingestsWebContent, boundary("b-web", "Public websites", "untrusted", { col: 0, row: 2 })),
        boundary("b-app", "Assistant backend", "internal", { col: 1, row: 0, cols: 2, rows: 3 }),
        boundary("b-llm-vendor", "LLM vendor", "partner", { col: 3, row: 0 }),
        ...when(
          agentHasTools,
          boundary("b-service-desk", "Service desk SaaS", "partner", { col: 3, row: 1 }),
        ),
        node(
          "e-users",
          "end-user",
          exposedToInternet ? "Website visitors" : "Employees",
          { col: 0, row: 0 },
          users.id,
          { authenticated: !exposedToInternet },
        ),
        node("e-chat-api", "inference-endpoint", "Chat API", { col: 1, row: 0 }, "b-app", {
          public: exposedToInternet,
          authenticated: !exposedToInternet,
          rateLimited: exposedToInternet,
          returnsConfidenceScores: false,
          servesLlm: true,
        }),
        node("e-orchestrator", "llm-agent", "RAG orchestrator", { col: 2, row: 0 }, "b-app", {
          model: "Hosted LLM",
          tools: agentHasTools ? ["search_tickets", "create_ticket"] : [],
          autonomy: agentHasTools ? "acts-without-confirmation" : "suggests-only",
        }),
        node("e-vector-store", "vector-store", "Document index", { col: 1, row: 1 }, "b-app", {
          sources: [
            "knowledge base articles",
            "product manuals",
            ...when(ingestsWebContent, "scraped web pages"),
          ],
          containsPersonalData: false,
        }),
        node("e-prompt", "prompt-template", "Answer prompt", { col: 2, row: 1 }, "b-app", {
          includesUntrustedInput: true,
          containsSecrets: false,
        }),
        node("e-ingestion", "data-pipeline", "Document ingestion", { col: 1, row: 2 }, "b-app", {
          validatesSchema: false,
          schedule: "hourly",
        }),
        node("e-source-docs", "datastore", "Knowledge base", { col: 2, row: 2 }, "b-app", {
          technology: "object storage",
          encryptedAtRest: true,
          containsPersonalData: false,
        }),
        node("e-llm", "third-party-model", "Hosted LLM", { col: 3, row: 0 }, "b-llm-vendor", {
          vendor: "LLM API provider",
          servesLlm: true,
        }),
        ...when(
          ingestsWebContent,
          node("e-web-pages", "external-entity", "Public web pages", { col: 0, row: 2 }, "b-web", {
            organization: "anyone who can publish on the crawled sites",
          }),
        ),
        ...when(
          agentHasTools,
          node("e-service-desk", "external-entity", "Service desk", { col: 3, row: 1 }, "b-service-desk", {
            organization: "Service desk vendor",
          }),
        ),
      ],
      flows: [
        flow("f-chat", "e-users", "e-chat-api", "Questions and answers", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: !exposedToInternet,
          bidirectional: true,
        }),
        flow("f-question", "e-chat-api", "e-orchestrator", "Question and answer", {
          protocol: "gRPC",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-retrieve", "e-vector-store", "e-orchestrator", "Retrieved passages", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-prompt", "e-prompt", "e-orchestrator", "Answer instructions", {
          protocol: "in-process",
          dataClassification: "internal",
        }),
        flow("f-completion", "e-orchestrator", "e-llm", "Prompt and completion", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-source-docs", "e-source-docs", "e-ingestion", "Documents", {
          protocol: "S3",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
        }),
        flow("f-index", "e-ingestion", "e-vector-store", "Chunks and embeddings", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
        }),
        ...when(
          ingestsWebContent,
          flow("f-crawl", "e-web-pages", "e-ingestion", "Scraped pages", {
            protocol: "HTTPS",
            dataClassification: "public",
            encrypted: true,
          }),
        ),
        ...when(
          agentHasTools,
          flow("f-tickets", "e-orchestrator", "e-service-desk", "Ticket searches and updates", {
            protocol: "HTTPS",
            dataClassification: "confidential",
            encrypted: true,
            authenticated: true,
            bidirectional: true,
          }),
        ),
      ],
      assets: [
        {
          id: "a-knowledge-base",
          name: "Knowledge base content",
          type: "documents",
          classification: "confidential",
          provenance: "first-party",
          cia: { confidentiality: "medium", integrity: "high" },
          elementIds: ["e-source-docs", "e-ingestion", "e-vector-store"],
        },
        {
          id: "a-conversations",
          name: "Chat conversations",
          type: "conversation logs",
          classification: "confidential",
          provenance: "user-generated",
          cia: { confidentiality: "high", integrity: "medium" },
          elementIds: ["e-chat-api", "e-orchestrator"],
        },
        {
          id: "a-llm",
          name: "Hosted language model",
          type: "model",
          classification: "internal",
          provenance: "vendor-model",
          cia: { integrity: "high", availability: "high" },
          elementIds: ["e-llm"],
        },
        ...when<AssetInput>(ingestsWebContent, {
          id: "a-web-content",
          name: "Scraped web content",
          type: "documents",
          classification: "public",
          provenance: "user-generated",
          cia: { integrity: "high" },
          elementIds: ["e-web-pages", "e-ingestion", "e-vector-store"],
        }),
        ...when<AssetInput>(agentHasTools, {
          id: "a-tickets",
          name: "Support tickets",
          type: "records",
          classification: "confidential",
          provenance: "first-party",
          cia: { confidentiality: "medium", integrity: "high" },
          elementIds: ["e-service-desk"],
        }),
      ],
    };
  },
});
