"""A character BiLSTM token classifier that saves and loads like any Hugging Face model.

Without pretrained Chinese weights a small BERT learns slowly on two CPU cores; a BiLSTM over
character embeddings initialised by word2vec (:mod:`econer.models.embeddings`) learns the same
data several times faster (the classic BiLSTM(-CRF) of Chinese NER). It is a
``PreTrainedModel`` registered with the ``Auto*`` classes, so ``save_pretrained`` writes
safetensors and ``AutoModelForTokenClassification.from_pretrained`` reads it back: the trainer
and the :class:`~econer.models.predict.Predictor` treat it exactly like a BERT.

>>> import torch
>>> model = BiLstmForTokenClassification(BiLstmConfig(vocab_size=20, embedding_dim=8,
...     hidden=6, num_labels=9))
>>> ids = torch.tensor([[2, 5, 6, 3], [2, 7, 3, 0]])
>>> out = model(input_ids=ids, attention_mask=(ids != 0).long())
>>> tuple(out.logits.shape)
(2, 4, 9)
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from transformers import (
    AutoConfig,
    AutoModelForTokenClassification,
    PretrainedConfig,
    PreTrainedModel,
)
from transformers.modeling_outputs import TokenClassifierOutput

MODEL_TYPE = "econer-bilstm"


class BiLstmConfig(PretrainedConfig):
    model_type = MODEL_TYPE

    def __init__(self, vocab_size: int = 8000, embedding_dim: int = 128, hidden: int = 128,
                 layers: int = 1, dropout: float = 0.2, pad_token_id: int = 0,
                 **kwargs: Any) -> None:
        self.vocab_size = vocab_size
        self.embedding_dim = embedding_dim
        self.hidden = hidden  # each direction
        self.layers = layers
        self.dropout = dropout
        super().__init__(pad_token_id=pad_token_id, **kwargs)


class BiLstmForTokenClassification(PreTrainedModel):
    config_class = BiLstmConfig
    base_model_prefix = "bilstm"

    def __init__(self, config: BiLstmConfig) -> None:
        super().__init__(config)
        self.embeddings = nn.Embedding(config.vocab_size, config.embedding_dim,
                                       padding_idx=config.pad_token_id)
        self.dropout = nn.Dropout(config.dropout)
        self.lstm = nn.LSTM(config.embedding_dim, config.hidden, num_layers=config.layers,
                            batch_first=True, bidirectional=True,
                            dropout=config.dropout if config.layers > 1 else 0.0)
        self.classifier = nn.Linear(2 * config.hidden, config.num_labels)
        self.post_init()

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.1)
        elif isinstance(module, nn.Linear):
            nn.init.xavier_uniform_(module.weight)
            nn.init.zeros_(module.bias)

    def get_input_embeddings(self) -> nn.Module:
        return self.embeddings

    def set_input_embeddings(self, value: nn.Module) -> None:
        self.embeddings = value

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                **_: Any) -> TokenClassifierOutput:
        x = self.dropout(self.embeddings(input_ids))
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        lengths = attention_mask.sum(-1).clamp(min=1).cpu()
        # Packed, so the backward direction starts at each window's last real token.
        packed = nn.utils.rnn.pack_padded_sequence(x.float(), lengths, batch_first=True,
                                                   enforce_sorted=False)
        hidden, _ = self.lstm(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True,
                                                     total_length=input_ids.shape[1])
        logits = self.classifier(self.dropout(hidden.to(self.classifier.weight.dtype)))
        return TokenClassifierOutput(logits=logits)


AutoConfig.register(MODEL_TYPE, BiLstmConfig, exist_ok=True)
AutoModelForTokenClassification.register(BiLstmConfig, BiLstmForTokenClassification,
                                         exist_ok=True)
